using AngleSharp.Dom;
using TayNinhCchc.Web.Survey;
using TayNinhCchc.Web.Tests.Content;
using TayNinhCchc.Web.Tests.Survey;

namespace TayNinhCchc.Web.Tests.Pages.KetQuaDanhGia;

/// <summary>
/// Results for periods around 01/7/2025 against a small, hand-computed set of ratings (clock: 28/11/2026, minimum 5
/// ratings for a rank, so every agency here is listed unranked, in Vietnamese order, with its n).
/// </summary>
public sealed class ReorganisationPeriodTests : IAsyncLifetime, IDisposable
{
    private const string Agencies = """
        agencies:
          - code: so-a
            name: Sở A tỉnh cũ
            short_name: Sở A
            level: tinh
            kind: so-ban-nganh
            receives_dossiers: true
            valid_to: 2025-06-30
            source: Kiểm thử
          - code: so-a
            name: Sở A tỉnh mới
            short_name: Sở A
            level: tinh
            kind: so-ban-nganh
            receives_dossiers: true
            valid_from: 2025-07-01
            source: Kiểm thử
          - code: so-b
            name: Sở B
            short_name: Sở B
            level: tinh
            kind: so-ban-nganh
            receives_dossiers: true
            valid_to: 2025-06-30
            successors:
              - { code: so-c, date: 2025-07-01, source: Kiểm thử }
            source: Kiểm thử
          - code: so-c
            name: Sở C
            short_name: Sở C
            level: tinh
            kind: so-ban-nganh
            receives_dossiers: true
            valid_from: 2025-07-01
            source: Kiểm thử
          - code: so-e
            name: Sở E
            short_name: Sở E
            level: tinh
            kind: so-ban-nganh
            receives_dossiers: true
            valid_from: 2026-01-01
            source: Kiểm thử
          - code: xa-x
            name: Ủy ban nhân dân xã X
            short_name: UBND xã X
            level: xa
            kind: ubnd-xa
            receives_dossiers: true
            valid_from: 2025-07-01
            source: Kiểm thử
        """;

    private readonly ContentFolder folder = new();
    private readonly PortalFactory portal;

    public ReorganisationPeriodTests()
    {
        folder.Write("co-quan.yml", Agencies);
        RatedPortal.CopyCriteria(folder);
        portal = PortalFactory.ForContent(folder.Root, settings: new Dictionary<string, string> { ["Survey:MinimumRatingsForRanking"] = "5" });
    }

    public async Task InitializeAsync()
    {
        // Satisfied = overall answer 3; not satisfied = 1.
        //   so-a: 10/6 ✓, 20/6 ✗ (old record), 05/8 ✓ (new record)      → 2025: n 3, 2 satisfied; Q2: n 2, 1; Q3: n 1, 1
        //   so-b: 01/5 ✓, 23:00 on 30/6 in Vietnam ✓                      → 2025: n 2, 2; Q2: n 2, 2
        //   so-c: 01:00 on 01/7 in Vietnam ✗, 01/9 ✓                       → 2025: n 2, 1; Q3 only
        //   xa-x: 15/7 ✓ (another group)
        await Rate("so-a", RatedPortal.At(2025, 6, 10), satisfied: true);
        await Rate("so-a", RatedPortal.At(2025, 6, 20), satisfied: false);
        await Rate("so-a", RatedPortal.At(2025, 8, 5), satisfied: true);
        await Rate("so-b", RatedPortal.At(2025, 5, 1), satisfied: true);
        await Rate("so-b", new DateTimeOffset(2025, 6, 30, 16, 0, 0, TimeSpan.Zero), satisfied: true);
        await Rate("so-c", new DateTimeOffset(2025, 6, 30, 18, 0, 0, TimeSpan.Zero), satisfied: false);
        await Rate("so-c", RatedPortal.At(2025, 9, 1), satisfied: true);
        await Rate("xa-x", RatedPortal.At(2025, 7, 15), satisfied: true);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        portal.Dispose();
        folder.Dispose();
    }

    private Task Rate(string agency, DateTimeOffset at, bool satisfied) =>
        RatedPortal.Record(portal, agency, at, RatedPortal.Answers(2, null, 3, satisfied ? 3 : 1));

    [Fact]
    public async Task A_year_spanning_1_july_2025_says_so_and_lists_each_agency_once_under_the_name_it_had()
    {
        using var client = portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/ket-qua-danh-gia?nhom=so-nganh&ky=2025");

        Assert.Contains("gồm cả thời gian trước và từ ngày 01/7/2025", document.Text("#ky-sap-xep"), StringComparison.Ordinal);
        var rows = Rows(document);
        Assert.Equal(["Sở A tỉnh mới", "Sở B", "Sở C"], rows.Select(cells => cells[0])); // Sở E starts in 2026: not listed
        Assert.Equal(["3", "2", "2"], rows.Select(cells => cells[1]));
        Assert.Contains("7 phiếu (n), năm 2025", document.Text("dl.facts--totals"), StringComparison.Ordinal);
        Assert.Contains("71,4% (n = 7, năm 2025)", document.Text("dl.facts--totals"), StringComparison.Ordinal); // 5/7

        var communes = await client.GetDocumentAsync("/ket-qua-danh-gia?nhom=cap-xa&ky=2025");
        Assert.Equal(["Ủy ban nhân dân xã X"], Rows(communes).Select(cells => cells[0]));
    }

    [Fact]
    public async Task A_quarter_before_1_july_2025_uses_the_old_names_and_counts_by_vietnam_time()
    {
        using var client = portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/ket-qua-danh-gia?nhom=so-nganh&ky=2025-q2");

        Assert.Null(document.GetElementById("ky-sap-xep"));
        var rows = Rows(document);
        Assert.Equal(["Sở A tỉnh cũ", "Sở B"], rows.Select(cells => cells[0])); // Sở C's first rating is 01:00 on 1/7 in Vietnam
        Assert.Equal(["2", "2"], rows.Select(cells => cells[1]));
    }

    [Fact]
    public async Task An_agency_links_to_its_predecessors_results_and_no_page_links_to_a_period_not_yet_started()
    {
        using var client = portal.CreatePortalClient();

        var successor = await client.GetDocumentAsync("/ket-qua-danh-gia/so-c?ky=2025-q3");
        Assert.Equal("/ket-qua-danh-gia/so-b", successor.QuerySelector("#tien-than a")?.GetAttribute("href"));
        // Its own two ratings: n is shown (below the minimum of 5, the other figures are withheld).
        Assert.Equal("2", successor.QuerySelector(".facts--totals dd")?.ChildNodes[0].TextContent.Trim());

        var current = await client.GetDocumentAsync("/ket-qua-danh-gia?ky=2026-q4");
        Assert.Null(current.QuerySelector(".period-nav a[rel='next']")); // quý I/2027 has not started
        Assert.NotNull(current.QuerySelector(".period-nav a[rel='prev']"));
        var agency = await client.GetDocumentAsync("/ket-qua-danh-gia/so-c?ky=2026-11");
        Assert.Null(agency.QuerySelector(".period-nav a[rel='next']")); // 12/2026 has not started on 28/11/2026
        var past = await client.GetDocumentAsync("/ket-qua-danh-gia/so-c?ky=2026-10");
        Assert.NotNull(past.QuerySelector(".period-nav a[rel='next']"));
    }

    private static List<string[]> Rows(IDocument document) =>
        document.QuerySelectorAll("#bang-chua-xep-hang, #bang-xep-hang").SelectMany(caption => caption.ParentElement!.QuerySelectorAll("tbody tr"))
            .Select(row => row.Children.Select(cell => string.Join(' ', cell.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToArray())
            .ToList();
}
