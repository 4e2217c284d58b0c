using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Pages.KetQuaDanhGia;

/// <summary>One agency's results: the period's figures and rank, a 12-month trend and the answers per criterion.</summary>
public sealed class CoQuanModel(ContentLibrary content, PortalDbContext db, RatingStatistics statistics, TimeProvider time) : PageModel
{
    public const int TrendMonths = 12;

    public Agency Agency { get; private set; } = default!;

    public ReportingPeriod? Period { get; private set; }

    public string? Problem { get; private set; }

    public RatingReport? Report { get; private set; }

    /// <summary>The agency's line in its group's ranking for the period.</summary>
    public RankingRow? Standing { get; private set; }

    public int RankedCount { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>The agencies this one was formed from, whose ratings stay under their own codes.</summary>
    public IReadOnlyList<Agency> Predecessors { get; private set; } = [];

    /// <summary>The results group the agency is ranked in; null for an agency that never receives dossiers.</summary>
    public RankingGroup? Group { get; private set; }

    public int Minimum => statistics.MinimumForPublication;

    /// <summary>True when figures drawn from <paramref name="answers"/> answers may be shown (<see cref="RatingStatistics.Publishes"/>).</summary>
    public bool Publishes(int answers) => statistics.Publishes(answers);

    public IReadOnlyList<MonthlyTotals> Trend { get; private set; } = [];

    public string TrendSvg { get; private set; } = string.Empty;

    /// <summary>Criteria results per version (more than one only when the question set changed during the period).</summary>
    public IReadOnlyList<(string Version, IReadOnlyList<CriterionResult> Results, string Svg)> Criteria { get; private set; } = [];

    public IReadOnlyList<(string Label, IReadOnlyList<ReportingPeriod> Periods)> PeriodChoices { get; private set; } = [];

    /// <summary>Demo ratings in the period, or else in the trend's months: the banner names whichever it is.</summary>
    public (RatingTotals Totals, string Scope) DemoNotice { get; private set; } = (RatingTotals.None, string.Empty);

    public async Task<IActionResult> OnGetAsync(string agencyCode, [FromQuery(Name = "ky")] string? period, CancellationToken cancellationToken)
    {
        if (!content.Current.AgenciesByCode.TryGetValue(agencyCode, out var agency))
        {
            return NotFound();
        }

        Agency = agency;
        var today = VietnamClock.Today(time);
        Today = today;
        // Ratings keep the code they were given under: a predecessor's results stay on its own page, linked from here.
        var snapshot = content.Current;
        Predecessors = snapshot.RecordsByCode[agency.Code].SelectMany(record => record.Predecessors.Select(link => link.Code))
            .Concat(snapshot.AgencyRecords.Where(other => other.Successors.Any(link => link.Code == agency.Code)).Select(other => other.Code))
            .Where(code => code != agency.Code && snapshot.AgenciesByCode.ContainsKey(code))
            .Distinct(StringComparer.Ordinal)
            .Select(code => snapshot.AgenciesByCode[code])
            .ToList();
        Period = ResultsQuery.Period(period, today, out var problem);
        Problem = problem;
        PeriodChoices = ResultsQuery.Choices(today, Period);
        if (Period is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Report = await statistics.ReportAsync(db, [agency.Code], Period, cancellationToken);
        Group = RankingGroups.Of(agency);
        if (Group is { } group)
        {
            var ranking = await statistics.RankAsync(db, group, Period, cancellationToken);
            Standing = ranking.Ranked.Concat(ranking.Unranked).FirstOrDefault(row => row.Agency.Code == agency.Code);
            RankedCount = ranking.Ranked.Count;
        }

        // The trend ends with the period, or with the current month when the period is not over yet.
        var current = YearMonth.Of(today);
        var last = Period.Last.Index <= current.Index ? Period.Last : current;
        Trend = await statistics.TrendAsync(db, [agency.Code], last, TrendMonths, cancellationToken);
        var trendTotals = Trend.Aggregate(RatingTotals.None, (sum, month) => sum.Add(month.Totals));
        DemoNotice = Report.Totals.Demo > 0 ? (Report.Totals, Period.Label) : (trendTotals, $"{Trend[0].Month.Label}–{Trend[^1].Month.Label}");
        TrendSvg = RatingCharts.Trend(Trend, Minimum, "xu-huong", $"Tỷ lệ hài lòng theo tháng của {agency.Name}, {Trend[0].Month.Label}–{Trend[^1].Month.Label}");

        // Below the minimum n nothing per question is shown: the page says why instead.
        Criteria = !Publishes(Report.Totals.Ratings) ? [] : Report.Criteria.Criteria
            .GroupBy(result => result.Version)
            .Select((version, i) => (
                version.Key,
                (IReadOnlyList<CriterionResult>)version.ToList(),
                RatingCharts.Criteria(version.ToList(), Minimum, $"tieu-chi-{i + 1}", $"Tỷ lệ các mức trả lời theo từng câu hỏi, {agency.Name}, {Period.Label} (bộ câu hỏi {version.Key})")))
            .ToList();
        return Page();
    }
}
