using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Pages.KetQuaDanhGia;

/// <summary>The public ranking of one group of agencies over one period.</summary>
public sealed class IndexModel(PortalDbContext db, RatingStatistics statistics, TimeProvider time) : PageModel
{
    public Ranking? Ranking { get; private set; }

    public ReportingPeriod? Period { get; private set; }

    public RankingGroup Group { get; private set; }

    /// <summary>What was wrong with the query; the page is then answered with 400.</summary>
    public List<string> Problems { get; } = [];

    public IReadOnlyList<(string Label, IReadOnlyList<ReportingPeriod> Periods)> PeriodChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "ky")] string? period, [FromQuery(Name = "nhom")] string? group, CancellationToken cancellationToken)
    {
        var today = VietnamClock.Today(time);
        Today = today;
        Period = ResultsQuery.Period(period, today, out var periodProblem);
        if (periodProblem is not null)
        {
            Problems.Add(periodProblem);
        }

        if (!string.IsNullOrWhiteSpace(group) && !RankingGroups.TryParse(group, out _))
        {
            Problems.Add($"Nhóm «{ResultsQuery.Shorten(group)}» không có. Chọn một trong: {string.Join(", ", RankingGroups.All.Select(known => known.Code()))}.");
        }

        Group = RankingGroups.TryParse(group, out var parsed) ? parsed : RankingGroup.Departments;
        PeriodChoices = ResultsQuery.Choices(today, Period);
        if (Problems.Count > 0 || Period is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Ranking = await statistics.RankAsync(db, Group, Period, cancellationToken);
        return Page();
    }

    public DateOnly Today { get; private set; }

    public static string LinkTo(RankingGroup group, ReportingPeriod period) => $"/ket-qua-danh-gia?nhom={group.Code()}&ky={period.Code}";
}
