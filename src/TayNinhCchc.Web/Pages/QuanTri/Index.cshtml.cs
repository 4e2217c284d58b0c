using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Dashboard;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Pages.QuanTri;

/// <summary>
/// The agency's overview: this month's and this quarter's ratings and share satisfied, comments waiting, and the
/// procedures citizens are least satisfied with. Figures come from the running tallies, never from a scan of ratings.
/// </summary>
public sealed class IndexModel(PortalDbContext db, ContentLibrary content, TimeProvider time, IOptions<DashboardOptions> options) : StaffPageModel
{
    /// <summary>How far back the worst-rated procedures look: a quarter is too short for most procedures to reach n.</summary>
    public const int WorstProcedureMonths = 12;

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    /// <summary>The agency in view, or null when an administrator looks at every agency.</summary>
    public Agency? Agency { get; private set; }

    public Kpi ThisMonth { get; private set; } = Kpi.Empty;

    public Kpi ThisQuarter { get; private set; } = Kpi.Empty;

    /// <summary>Today in Vietnam: the month and quarter the figures are for.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>First day of the window of <see cref="WorstProcedures"/>.</summary>
    public DateOnly WorstFrom { get; private set; }

    public int NewComments { get; private set; }

    public int PendingReviews { get; private set; }

    public IReadOnlyList<ProcedureRow> WorstProcedures { get; private set; } = [];

    public DashboardOptions Settings => options.Value;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var snapshot = content.Current;
        Agencies = snapshot.Agencies;
        Agency = Scope.AgencyCode is { } code ? snapshot.AgenciesByCode.GetValueOrDefault(code) : null;

        var today = Today = VietnamClock.Today(time);
        var quarterStart = (Quarter - 1) * 3 + 1;
        ThisMonth = await KpiAsync(today.Year, today.Month, today.Month, cancellationToken);
        ThisQuarter = await KpiAsync(today.Year, quarterStart, quarterStart + 2, cancellationToken);

        NewComments = await Scope.Ratings(db)
            .Where(InboxQuery.Cleared)
            .Where(InboxQuery.HasText)
            .CountAsync(rating => rating.CommentState == null || rating.CommentState == CommentState.New, cancellationToken);
        if (Scope.IsAdministrator)
        {
            PendingReviews = await db.Ratings.CountAsync(rating => rating.ReviewState == ReviewState.Pending, cancellationToken);
        }

        // The latest WorstProcedureMonths calendar months, this one included, as a single month index.
        var last = today.Year * 12 + today.Month - 1;
        var first = last - (WorstProcedureMonths - 1);
        WorstFrom = new DateOnly(first / 12, first % 12 + 1, 1);
        var minimum = Math.Max(1, Settings.MinimumRatingsPerProcedure);
        var rows = await Scope.RatingTallies(db)
            .Where(tally => tally.ProcedureCode != string.Empty && tally.Year * 12 + tally.Month - 1 >= first && tally.Year * 12 + tally.Month - 1 <= last)
            .GroupBy(tally => tally.ProcedureCode)
            .Select(group => new { Code = group.Key, Ratings = group.Sum(tally => tally.Ratings), Satisfied = group.Sum(tally => tally.Satisfied) })
            .Where(row => row.Ratings >= minimum)
            .ToListAsync(cancellationToken);
        WorstProcedures = rows
            .OrderBy(row => (double)row.Satisfied / row.Ratings)
            .ThenByDescending(row => row.Ratings)
            .ThenBy(row => row.Code, StringComparer.Ordinal)
            .Take(Settings.WorstProceduresShown)
            .Select(row => new ProcedureRow(
                row.Code,
                snapshot.Procedures.ByCode.TryGetValue(row.Code, out var procedure) ? procedure.Name : row.Code,
                row.Ratings,
                row.Satisfied))
            .ToList();
    }

    public int Quarter => (Today.Month - 1) / 3 + 1;

    private async Task<Kpi> KpiAsync(int year, int firstMonth, int lastMonth, CancellationToken cancellationToken)
    {
        var totals = await Scope.RatingTallies(db)
            .Where(tally => tally.ProcedureCode == string.Empty && tally.Year == year && tally.Month >= firstMonth && tally.Month <= lastMonth)
            .GroupBy(tally => 1)
            .Select(group => new { Ratings = group.Sum(tally => tally.Ratings), Satisfied = group.Sum(tally => tally.Satisfied), Dissatisfied = group.Sum(tally => tally.Dissatisfied) })
            .FirstOrDefaultAsync(cancellationToken);
        return totals is null ? Kpi.Empty : new Kpi(totals.Ratings, totals.Satisfied, totals.Dissatisfied);
    }

    /// <summary>Ratings counted in statistics in a period, and how many were satisfied overall / dissatisfied anywhere.</summary>
    public sealed record Kpi(int Ratings, int Satisfied, int Dissatisfied)
    {
        public static Kpi Empty { get; } = new(0, 0, 0);
    }

    public sealed record ProcedureRow(string Code, string Name, int Ratings, int Satisfied);
}
