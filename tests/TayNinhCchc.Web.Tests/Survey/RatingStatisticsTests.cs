using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Tests.Survey;

/// <summary>The published figures against the hand-computed data set of <see cref="RatedPortal"/>.</summary>
[Collection(RatedPortalGroup.Name)]
public sealed class RatingStatisticsTests(RatedPortal rated)
{
    private const double Precision = 1e-9;

    private static readonly ReportingPeriod Q4 = ReportingPeriod.OfQuarter(2026, 4);

    [Fact]
    public void The_test_content_loads_without_problems() =>
        Assert.Empty(rated.Portal.Services.GetRequiredService<ContentLibrary>().Current.Problems);

    [Fact]
    public async Task Agency_figures_match_the_hand_computation()
    {
        var report = await Report(["so-noi-vu"], Q4);

        // Flagged ratings are left out (12 recorded in the quarter, 10 counted); the September one is in quý III.
        Assert.Equal(new RatingTotals(10, 8, 3, 0), report.Totals);
        Assert.Equal(0.8, report.Totals.SatisfiedShare!.Value, Precision);
        Assert.Equal(0.7, report.Totals.Qd766Rate!.Value, Precision);
        Assert.Equal(0.4902, report.Totals.WilsonLowerBound!.Value, 4);

        var overall = Criterion(report, "tong-the");
        Assert.Equal(10, overall.Answers);
        Assert.Equal([5, 3, 2], overall.Options.Select(option => option.Count));
        Assert.Equal([0.5, 0.3, 0.2], overall.Options.Select(option => option.Share!.Value).Select(share => Math.Round(share, 9)));
        Assert.Null(overall.MeanPoints);

        var index1 = Criterion(report, "chi-so-1");
        Assert.Equal([0.4, 0.4, 0.2], index1.Options.Select(option => option.Share!.Value).Select(share => Math.Round(share, 9)));
        Assert.Equal(1.2, index1.MeanPoints!.Value, Precision);

        // Optional: 4 answers out of 10 ratings, shares of those 4.
        var index5 = Criterion(report, "chi-so-5");
        Assert.Equal(4, index5.Answers);
        Assert.Equal([0.5, 0.25, 0.25], index5.Options.Select(option => option.Share!.Value));
        Assert.Equal(1.25, index5.MeanPoints!.Value, Precision);

        var index8 = Criterion(report, "chi-so-8");
        Assert.Equal(0, index8.Answers);
        Assert.Null(index8.MeanPoints);
        Assert.All(index8.Options, option => Assert.Null(option.Share));

        // Index 5 has 4 answers, under the minimum of 5: left out of the score as its own figures are withheld.
        Assert.Equal(11.2, report.Criteria.Tt01!.Points, Precision);
        Assert.Equal(6, report.Criteria.Tt01.IndicesAnswered);
    }

    [Theory]
    [InlineData("2026-09", 1, 1)]
    [InlineData("2026-q3", 1, 1)]
    [InlineData("2026-11", 10, 8)]
    [InlineData("2026", 11, 9)]
    [InlineData("2025", 0, 0)]
    public async Task Periods_follow_the_vietnamese_calendar(string period, int ratings, int satisfied)
    {
        Assert.True(ReportingPeriod.TryParse(period, out var parsed));

        var report = await Report(["so-noi-vu"], parsed);

        Assert.Equal(ratings, report.Totals.Ratings);
        Assert.Equal(satisfied, report.Totals.Satisfied);
    }

    [Fact]
    public async Task Ranking_breaks_ties_by_wilson_share_n_then_vietnamese_name()
    {
        var ranking = await Rank(RankingGroup.Departments, Q4);

        // Du lịch and Đầu tư: 5/5 each, Wilson lower bound 1 / (1 + 1,96² / 5) = 0,5655 > Nội vụ's 0,4902 (8/10).
        // Equal on every figure, they share rank 1 and are listed in Vietnamese order (D before Đ).
        Assert.Equal(
            [("so-du-lich", 1), ("so-dau-tu", 1), ("so-noi-vu", 3)],
            ranking.Ranked.Select(row => (row.Agency.Code, row.Rank!.Value)));
        Assert.Equal(0.5655, ranking.Ranked[0].Totals.WilsonLowerBound!.Value, 4);
        // Indices 1, 2, 3, 4, 6, 7 all at 2 points; 5, 8, 9 unanswered.
        Assert.Equal(new Tt01Score(12, 6), ranking.Ranked[0].Tt01);

        // Below the minimum of 5 (Sở Tư pháp, 3): listed by name, unranked. Sở Cũ ended in 2025 and has no ratings: not
        // listed. Cục Thuế is a line agency (cơ quan ngành dọc): its own group under QĐ 766, never ranked with departments.
        Assert.Equal(["so-tu-phap"], ranking.Unranked.Select(row => row.Agency.Code));
        Assert.All(ranking.Unranked, row => Assert.Null(row.Rank));
        Assert.Equal(5, ranking.Minimum);

        Assert.Equal(new RatingTotals(23, 21, 3, 1), ranking.GroupTotals);
    }

    [Fact]
    public async Task Line_agencies_are_a_group_of_their_own()
    {
        var ranking = await Rank(RankingGroup.LineAgencies, Q4);

        Assert.Empty(ranking.Ranked);
        Assert.Equal(["cuc-thue"], ranking.Unranked.Select(row => row.Agency.Code));
    }

    [Fact]
    public void Ranking_order_prefers_more_ratings_when_share_and_bound_are_equal()
    {
        var agency = new Agency("a", "Sở A", "A", AgencyLevel.Province, AgencyKind.Department, true, null, null, null, [], [], [], "Kiểm thử", null, 1);
        var rows = new[]
        {
            new RankingRow(agency with { Name = "Sở Ba" }, new RatingTotals(95, 90, 5, 0), null, null),
            new RankingRow(agency with { Name = "Sở Bốn" }, new RatingTotals(3, 3, 0, 0), null, null),
            new RankingRow(agency with { Name = "Sở Hai" }, new RatingTotals(100, 95, 5, 0), null, null),
        };

        // 95/100 beats 90/95 on the Wilson bound though 90/95 has the larger share; 3/3 (100%) comes last.
        Assert.Equal(["Sở Hai", "Sở Ba", "Sở Bốn"], rows.Order(RatingStatistics.RankingOrder).Select(row => row.Agency.Name));
    }

    [Fact]
    public async Task District_ranking_lists_districts_only_in_periods_they_existed()
    {
        var early2025 = await Rank(RankingGroup.Districts, ReportingPeriod.OfQuarter(2025, 1));
        var late2026 = await Rank(RankingGroup.Districts, Q4);

        Assert.Equal(["ubnd-huyen-go-dau"], early2025.Unranked.Select(row => row.Agency.Code));
        Assert.Equal(new RatingTotals(2, 1, 1, 0), early2025.Unranked[0].Totals);
        Assert.Empty(late2026.Ranked);
        Assert.Empty(late2026.Unranked);
    }

    [Fact]
    public async Task Trend_covers_twelve_months_with_empty_months_as_zero()
    {
        await using var scope = rated.Portal.Services.CreateAsyncScope();
        var statistics = scope.ServiceProvider.GetRequiredService<RatingStatistics>();

        var trend = await statistics.TrendAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), ["so-noi-vu"], new YearMonth(2026, 12), 12);

        Assert.Equal(12, trend.Count);
        Assert.Equal(new YearMonth(2026, 1), trend[0].Month);
        Assert.Equal(new RatingTotals(1, 1, 0, 0), trend.Single(month => month.Month == new YearMonth(2026, 9)).Totals);
        Assert.Equal(10, trend.Single(month => month.Month == new YearMonth(2026, 11)).Totals.Ratings);
        Assert.Equal(11, trend.Sum(month => month.Totals.Ratings));
    }

    [Fact]
    public async Task Procedure_totals_count_the_ratings_that_named_it()
    {
        await using var scope = rated.Portal.Services.CreateAsyncScope();
        var statistics = scope.ServiceProvider.GetRequiredService<RatingStatistics>();

        var totals = await statistics.ProcedureTotalsAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), RatedPortal.Procedure, new YearMonth(2025, 12), new YearMonth(2026, 11));

        Assert.Equal(new RatingTotals(10, 8, 3, 0), totals);
    }

    [Theory]
    [InlineData(8, 10, 0.4902)]
    [InlineData(0, 10, 0.0)]
    [InlineData(10, 10, 0.7225)]
    [InlineData(1, 1, 0.2065)]
    public void Wilson_lower_bound_matches_the_textbook_formula(int successes, int n, double expected) =>
        Assert.Equal(expected, RatingStatistics.WilsonLowerBound(successes, n), 4);

    [Theory]
    [InlineData("2026-12", PeriodKind.Month, "tháng 12/2026", "2026-12-01", "2026-12-31")]
    [InlineData("2026-q4", PeriodKind.Quarter, "quý IV/2026", "2026-10-01", "2026-12-31")]
    [InlineData("2026-Q1", PeriodKind.Quarter, "quý I/2026", "2026-01-01", "2026-03-31")]
    [InlineData("2024", PeriodKind.Year, "năm 2024", "2024-01-01", "2024-12-31")]
    [InlineData("2024-02", PeriodKind.Month, "tháng 02/2024", "2024-02-01", "2024-02-29")]
    public void Periods_parse_from_the_url_form(string text, PeriodKind kind, string label, string start, string end)
    {
        Assert.True(ReportingPeriod.TryParse(text, out var period));

        Assert.Equal(kind, period.Kind);
        Assert.Equal(label, period.Label);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
        Assert.Equal(text.ToLowerInvariant(), period.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-13")]
    [InlineData("2026-q5")]
    [InlineData("2026-1")]
    [InlineData("26")]
    [InlineData("0000")]
    [InlineData("2026-q4; drop table")]
    [InlineData("0001")]
    [InlineData("1999-12")]
    [InlineData("2100-q1")]
    [InlineData("9999")]
    public void Malformed_periods_are_refused(string text) =>
        Assert.False(ReportingPeriod.TryParse(text, out _));

    /// <summary>Input is normalised before it is checked: other digit families, full-width forms and dashes read as ASCII.</summary>
    [Theory]
    [InlineData("٢٠٢٦", "2026")]
    [InlineData("２０２６-ｑ４", "2026-q4")]
    [InlineData("2026–12", "2026-12")]
    [InlineData(" 2026-Q4 ", "2026-q4")]
    public void Periods_written_with_other_digits_and_dashes_read_the_same(string text, string code)
    {
        Assert.True(ReportingPeriod.TryParse(text, out var period));
        Assert.Equal(code, period.Code);
    }

    private async Task<RatingReport> Report(IReadOnlyCollection<string> agencies, ReportingPeriod period)
    {
        await using var scope = rated.Portal.Services.CreateAsyncScope();
        var statistics = scope.ServiceProvider.GetRequiredService<RatingStatistics>();
        return await statistics.ReportAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), agencies, period);
    }

    private async Task<Ranking> Rank(RankingGroup group, ReportingPeriod period)
    {
        await using var scope = rated.Portal.Services.CreateAsyncScope();
        var statistics = scope.ServiceProvider.GetRequiredService<RatingStatistics>();
        return await statistics.RankAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), group, period);
    }

    private static CriterionResult Criterion(RatingReport report, string code) =>
        report.Criteria.Criteria.Single(result => result.Criterion.Code == code);
}
