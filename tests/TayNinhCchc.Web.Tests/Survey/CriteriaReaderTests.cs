using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Tests.Content;

namespace TayNinhCchc.Web.Tests.Survey;

/// <summary>Criteria sets are content: every mistake is reported with its file and line, never guessed around.</summary>
public sealed class CriteriaReaderTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 28, 0, 0, 0, DateTimeKind.Utc);
    private readonly ContentFolder folder = new();
    private readonly ContentLoader loader = new(new MarkdownRenderer());

    public void Dispose() => folder.Dispose();

    private ContentSnapshot Load() => loader.Load(folder.Root, ContentSnapshot.Empty, Now);

    internal const string FiveLevelSet = """
        version: thu-5-muc
        title: Bộ thử thang 5 mức
        valid_from: 2026-01-01
        source: Kiểm thử
        scales:
          - code: nam-muc
            name: Thang 5 mức
            options:
              - { value: 5, label: Rất hài lòng, satisfied: true }
              - { value: 4, label: Hài lòng, satisfied: true }
              - { value: 3, label: Bình thường }
              - { value: 2, label: Không hài lòng, reason_required: true }
              - { value: 1, label: Rất không hài lòng, reason_required: true }
        criteria:
          - code: so-lan-di-lai
            title: Số lần phải đi lại
            required: true
            source: Kiểm thử
            options:
              - { value: 0, label: 0 lần, points: 2 }
              - { value: 1, label: 1 lần, points: 1 }
              - { value: 2, label: 2 lần trở lên, points: 0 }
            tt01_index: 3
          - code: tong-the
            title: Đánh giá tổng thể
            scale: nam-muc
            required: true
            role: overall
            source: Kiểm thử
        """;

    [Fact]
    public void The_shipped_set_has_the_nine_indices_and_the_two_citizen_questions_each_with_a_source()
    {
        var snapshot = loader.Load(RepositoryPaths.Content, ContentSnapshot.Empty, Now);

        // TT 01/2018 until 30/6/2025, then the set citing NĐ 118/2025 and TT 03/2025 (its questions kept, unverified).
        Assert.Equal(["tt01-2018-v1", "nd118-2025-v1"], snapshot.CriteriaSets.Select(candidate => candidate.Version));
        var set = snapshot.CriteriaSets[0];
        var current = snapshot.CriteriaSets[1];
        Assert.Equal(new DateOnly(2025, 6, 30), set.ValidTo);
        Assert.Equal(new DateOnly(2025, 7, 1), current.ValidFrom);
        Assert.False(current.Verified);
        Assert.Contains(current.LegalBasis, basis => basis.StartsWith("Nghị định 118/2025/NĐ-CP", StringComparison.Ordinal));
        Assert.Contains(current.LegalBasis, basis => basis.StartsWith("Thông tư 03/2025/TT-VPCP", StringComparison.Ordinal));
        Assert.Empty(snapshot.Problems);
        Assert.False(set.Verified);
        Assert.Equal(11, set.Criteria.Count);
        Assert.Equal(Enumerable.Range(1, 9), set.Criteria.Where(c => c.Tt01Index is not null).Select(c => c.Tt01Index!.Value).Order());
        Assert.All(set.Criteria, criterion => Assert.False(string.IsNullOrWhiteSpace(criterion.Source)));
        Assert.All(set.Criteria.Where(c => c.Tt01Index is not null), criterion => Assert.Equal(2, criterion.MaxPoints));
        Assert.Equal("tong-the", set.Overall.Code);
        Assert.Equal(["Rất hài lòng", "Hài lòng", "Không hài lòng"], set.Overall.Options.Select(option => option.Label));
        Assert.True(set.Overall.Options.Single(option => option.Label == "Không hài lòng").ReasonRequired);
        Assert.Contains(set.LegalBasis, basis => basis.Contains("800/QĐ-UBND", StringComparison.Ordinal) && basis.Contains("chưa tìm thấy", StringComparison.Ordinal));
        Assert.Same(set, snapshot.CriteriaSetOn(new DateOnly(2025, 6, 30)));
        Assert.Same(current, snapshot.CriteriaSetOn(new DateOnly(2025, 7, 1)));
        Assert.Same(current, snapshot.CriteriaSetOn(new DateOnly(2026, 11, 28)));
    }

    [Fact]
    public void A_five_level_scale_and_a_choice_list_are_supported()
    {
        folder.Write("danh-gia/thu.yml", FiveLevelSet);

        var set = Assert.Single(Load().CriteriaSets);

        Assert.Equal(5, set.Overall.Options.Count);
        Assert.Equal("Thang 5 mức", set.Overall.ScaleName);
        Assert.Equal(2, set.Overall.Options.Count(option => option.Satisfied));
        Assert.Equal(["0 lần", "1 lần", "2 lần trở lên"], set.Find("so-lan-di-lai")!.Options.Select(option => option.Label));
    }

    public static TheoryData<string, string, string, int> Mistakes => new()
    {
        { "no overall question", "    role: overall\n", "", 15 },
        { "unknown scale", "    scale: nam-muc\n", "    scale: bay-muc\n", 26 },
        { "points out of range", "{ value: 0, label: 0 lần, points: 2 }", "{ value: 0, label: 0 lần, points: 3 }", 20 },
        { "duplicate option value", "{ value: 1, label: 1 lần, points: 1 }", "{ value: 0, label: 1 lần, points: 1 }", 21 },
        { "index outside 1-9", "    tt01_index: 3\n", "    tt01_index: 10\n", 23 },
        { "index without points", "{ value: 2, label: 2 lần trở lên, points: 0 }", "{ value: 2, label: 2 lần trở lên }", 15 },
        { "unknown field", "    required: true\n    source: Kiểm thử\n    options:", "    required: true\n    nguon: sai\n    source: Kiểm thử\n    options:", 18 },
        { "bad version code", "version: thu-5-muc", "version: Thử 5 mức", 1 },
        { "end before start", "valid_from: 2026-01-01", "valid_from: 2026-01-01\nvalid_to: 2025-01-01", 4 },
        { "both scale and options", "    scale: nam-muc\n", "    scale: nam-muc\n    options:\n      - { value: 1, label: Có }\n", 26 },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_broken_criteria_file_is_reported_with_its_line_and_not_used(string name, string find, string replace, int line)
    {
        Assert.Contains(find, FiveLevelSet, StringComparison.Ordinal);
        folder.Write("danh-gia/thu.yml", FiveLevelSet.Replace(find, replace, StringComparison.Ordinal));

        var snapshot = Load();

        Assert.Empty(snapshot.CriteriaSets);
        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal("danh-gia/thu.yml", problem.Path);
        Assert.True(problem.Line == line, $"{name}: reported at line {problem.Line}: {problem.Message}");
    }

    [Fact]
    public void Two_versions_valid_on_the_same_day_are_refused()
    {
        folder.Write("danh-gia/a.yml", FiveLevelSet);
        folder.Write("danh-gia/b.yml", FiveLevelSet.Replace("version: thu-5-muc", "version: thu-khac", StringComparison.Ordinal));

        var snapshot = Load();

        Assert.Single(snapshot.CriteriaSets);
        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal("danh-gia/b.yml", problem.Path);
        Assert.Contains("trùng với 'thu-5-muc'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_version_takes_over_from_its_start_date()
    {
        folder.Write("danh-gia/a.yml", FiveLevelSet.Replace("valid_from: 2026-01-01", "valid_from: 2026-01-01\nvalid_to: 2026-06-30", StringComparison.Ordinal));
        folder.Write("danh-gia/b.yml", FiveLevelSet.Replace("version: thu-5-muc", "version: thu-moi", StringComparison.Ordinal).Replace("valid_from: 2026-01-01", "valid_from: 2026-07-01", StringComparison.Ordinal));

        var snapshot = Load();

        Assert.Empty(snapshot.Problems);
        Assert.Equal("thu-5-muc", snapshot.CriteriaSetOn(new DateOnly(2026, 6, 30))!.Version);
        Assert.Equal("thu-moi", snapshot.CriteriaSetOn(new DateOnly(2026, 7, 1))!.Version);
        Assert.Null(snapshot.CriteriaSetOn(new DateOnly(2025, 12, 31)));
    }
}
