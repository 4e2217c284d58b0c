using Microsoft.Extensions.Time.Testing;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Survey;
using TayNinhCchc.Web.Tests.Content;

namespace TayNinhCchc.Web.Tests.Survey;

/// <summary>
/// A portal holding a small, hand-computed set of ratings, recorded through <see cref="RatingRecorder"/> exactly as the
/// form records them. The expected figures are worked out in the comments of <see cref="InitializeAsync"/> and in the tests.
/// Minimum n for ranking: 5. The portal's clock: 28/11/2026, so the default period is quý IV/2026.
/// </summary>
public sealed class RatedPortal : IAsyncLifetime, IDisposable
{
    public const string Procedure = "1.001193";

    /// <summary>Written into every comment and reason: it must never come out of a public page or file.</summary>
    public const string PrivateMarker = "GÓP-Ý-RIÊNG-TƯ";

    public const string Agencies = """
        agencies:
          - code: so-noi-vu
            name: Sở Nội vụ tỉnh Tây Ninh
            short_name: Sở Nội vụ
            level: tinh
            kind: so-ban-nganh
            receives_dossiers: true
            source: Kiểm thử
          - code: so-du-lich
            name: Sở Du lịch tỉnh Tây Ninh
            short_name: Sở Du lịch
            level: tinh
            kind: so-ban-nganh
            receives_dossiers: true
            source: Kiểm thử
          - code: so-dau-tu
            name: Sở Đầu tư tỉnh Tây Ninh
            short_name: Sở Đầu tư
            level: tinh
            kind: so-ban-nganh
            receives_dossiers: true
            source: Kiểm thử
          - code: so-tu-phap
            name: Sở Tư pháp tỉnh Tây Ninh
            short_name: Sở Tư pháp
            level: tinh
            kind: so-ban-nganh
            receives_dossiers: true
            source: Kiểm thử
          - code: cuc-thue
            name: Cục Thuế tỉnh Tây Ninh
            short_name: Cục Thuế
            level: trung-uong
            kind: nganh-doc
            receives_dossiers: true
            source: Kiểm thử
          - code: so-cu
            name: Sở Cũ tỉnh Tây Ninh
            short_name: Sở Cũ
            level: tinh
            valid_to: 2025-06-30
            kind: so-ban-nganh
            receives_dossiers: true
            successors: chua-ro
            source: Kiểm thử
          - code: ubnd-huyen-go-dau
            name: Ủy ban nhân dân huyện Gò Dầu
            short_name: UBND huyện Gò Dầu
            level: huyen
            valid_to: 2025-06-30
            kind: ubnd-huyen
            receives_dossiers: true
            successors: chua-ro
            source: Kiểm thử
        groups:
          - code: cac-so-nganh
            name: Các sở, ban, ngành tỉnh
            source: Kiểm thử
        """;

    private readonly ContentFolder folder = new();

    public RatedPortal()
    {
        folder.Write("co-quan.yml", Agencies);
        folder.Write($"thu-tuc/{Procedure}.md", ContentFolder.Procedure(Procedure, "Thủ tục đăng ký khai sinh", "Hộ tịch", extra: "agencies: [so-noi-vu]\n"));
        CopyCriteria(folder);
        Portal = PortalFactory.ForContent(folder.Root, settings: new Dictionary<string, string> { ["Survey:MinimumRatingsForRanking"] = "5" });
    }

    public PortalFactory Portal { get; }

    /// <summary>Adds the shipped criteria sets (TT 01/2018 until 30/6/2025, NĐ 118/2025 from 1/7/2025) to a test content folder.</summary>
    internal static void CopyCriteria(ContentFolder folder)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Content, "danh-gia"), "*.yml"))
        {
            folder.Write($"danh-gia/{Path.GetFileName(file)}", File.ReadAllText(file));
        }
    }

    public async Task InitializeAsync()
    {
        // Sở Nội vụ, November 2026 (quý IV), all naming the procedure. Columns: chỉ số 1, chỉ số 5 (optional), thuận
        // tiện, tổng thể. Chỉ số 2, 3, 4, 6, 7 are 2 everywhere; 8 and 9 are never answered.
        //   tổng thể: 3 ×5, 2 ×3, 1 ×2 → 8 satisfied of 10; "not satisfied" anywhere in ratings 8, 9, 10 → QĐ 766 7/10.
        //   chỉ số 1: 2 ×4, 1 ×4, 0 ×2 → mean 1,2; chỉ số 5: 2, 2, 1, 0 → mean 1,25 over 4 answers.
        //   18-point index: 1,2 + 5 × 2 = 11,2 over 6 indices (chỉ số 5's 4 answers are under the minimum n of 5).
        int?[][] noiVu =
        [
            [2, 2, 3, 3], [2, 2, 3, 3], [2, 1, 3, 3], [2, 0, 3, 3], [1, null, 3, 3],
            [1, null, 3, 2], [1, null, 2, 2], [1, null, 1, 2], [0, null, 2, 1], [0, null, 1, 1],
        ];
        for (var i = 0; i < noiVu.Length; i++)
        {
            var row = noiVu[i];
            await Record("so-noi-vu", At(2026, 11, 2 + i), Answers(row[0]!.Value, row[1], row[2]!.Value, row[3]!.Value), Procedure);
        }

        // Two flagged ratings (a bot check failed): kept, but never in the figures.
        await Record("so-noi-vu", At(2026, 11, 20), Answers(0, 0, 1, 1), Procedure, flags: ["too-fast"]);
        await Record("so-noi-vu", At(2026, 11, 21), Answers(0, 0, 1, 1), Procedure, flags: ["missing-token"]);

        // 23:00 on 30/9 in Vietnam: quý III, not IV.
        await Record("so-noi-vu", new DateTimeOffset(2026, 9, 30, 16, 0, 0, TimeSpan.Zero), Answers(2, null, 3, 3));

        // Sở Du lịch and Sở Đầu tư: 5 of 5 satisfied each, so they tie on every figure and share rank 1.
        // 01:00 on 1/10 in Vietnam (18:00 UTC on 30/9): quý IV.
        await Record("so-du-lich", new DateTimeOffset(2026, 9, 30, 18, 0, 0, TimeSpan.Zero), Answers(2, null, 3, 3));
        for (var i = 0; i < 4; i++)
        {
            await Record("so-du-lich", At(2026, 11, 3 + i), Answers(2, null, 3, 3));
        }

        for (var i = 0; i < 5; i++)
        {
            await Record("so-dau-tu", At(2026, 10, 10 + i), Answers(2, null, 3, 3));
        }

        // Sở Tư pháp: 3 ratings (below the minimum of 5: listed, unranked), one of them demo data.
        await Record("so-tu-phap", At(2026, 11, 5), Answers(2, null, 3, 3));
        await Record("so-tu-phap", At(2026, 11, 6), Answers(1, null, 2, 2));
        await Record("so-tu-phap", At(2026, 11, 7), Answers(2, null, 3, 3), demo: true);

        // UBND huyện Gò Dầu, before the district level ended.
        await Record("ubnd-huyen-go-dau", At(2025, 3, 10), Answers(2, null, 3, 3));
        await Record("ubnd-huyen-go-dau", At(2025, 3, 11), Answers(1, null, 1, 1));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Portal.Dispose();
        folder.Dispose();
    }

    /// <summary>09:00 in Vietnam on the given day.</summary>
    public static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 2, 0, 0, TimeSpan.Zero);

    public static Dictionary<string, int> Answers(int index1, int? index5, int convenience, int overall)
    {
        var answers = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["chi-so-1"] = index1,
            ["chi-so-2"] = 2,
            ["chi-so-3"] = 2,
            ["chi-so-4"] = 2,
            ["chi-so-6"] = 2,
            ["chi-so-7"] = 2,
            ["thuan-tien"] = convenience,
            ["tong-the"] = overall,
        };
        if (index5 is { } value)
        {
            answers["chi-so-5"] = value;
        }

        return answers;
    }

    /// <summary>Records one rating at <paramref name="at"/> through the portal's own recorder and criteria.</summary>
    public static async Task Record(PortalFactory portal, string agency, DateTimeOffset at, Dictionary<string, int> answers, string? procedure = null, IReadOnlyList<string>? flags = null, bool demo = false)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PortalDbContext>();
        var registry = services.GetRequiredService<CriteriaRegistry>();
        var set = await registry.CurrentAsync(db) ?? throw new InvalidOperationException("No criteria set in the test content.");
        var recorder = new RatingRecorder(services.GetRequiredService<PortalSecrets>(), services.GetRequiredService<RatingWriter>(), new FakeTimeProvider(at));
        var reasons = answers.Where(answer => set.Find(answer.Key)?.Option(answer.Value)?.ReasonRequired == true)
            .ToDictionary(answer => answer.Key, _ => $"{PrivateMarker} lý do", StringComparer.Ordinal);
        var result = await recorder.RecordAsync(set, new RatingSubmission(
            agency, procedure, null, RatingChannel.InPerson, answers, reasons, $"{PrivateMarker} góp ý, gọi 0912345678", "192.0.2.1", flags ?? [], demo));
        Assert.True(result.Saved);
    }

    private Task Record(string agency, DateTimeOffset at, Dictionary<string, int> answers, string? procedure = null, IReadOnlyList<string>? flags = null, bool demo = false) =>
        Record(Portal, agency, at, answers, procedure, flags, demo);
}

[CollectionDefinition(Name)]
public sealed class RatedPortalGroup : ICollectionFixture<RatedPortal>
{
    public const string Name = "Portal with hand-computed ratings";
}
