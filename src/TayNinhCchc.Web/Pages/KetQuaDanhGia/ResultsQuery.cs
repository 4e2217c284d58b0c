using TayNinhCchc.Web.Infrastructure;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Pages.KetQuaDanhGia;

/// <summary>
/// The <c>ky</c> and <c>nhom</c> query values of the results pages. A malformed value is answered with 400 and a
/// Vietnamese explanation on the page itself, never with an error page that hides what was wrong.
/// </summary>
public static class ResultsQuery
{
    public const string PeriodFormats = "2026-12 (tháng), 2026-q4 (quý) hoặc 2026 (năm)";

    /// <summary>The period asked for, the current quarter when none is; null with a message when malformed.</summary>
    public static ReportingPeriod? Period(string? text, DateOnly today, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return ReportingPeriod.QuarterOf(today);
        }

        if (ReportingPeriod.TryParse(text, out var period))
        {
            return period;
        }

        problem = $"Kỳ báo cáo «{Shorten(text)}» không hợp lệ. Ghi kỳ theo dạng {PeriodFormats}, năm từ {RequestDates.FirstYear} đến {RequestDates.LastYear}.";
        return null;
    }

    /// <summary>Recent months, quarters and years to choose from, with the period shown first when it is older.</summary>
    public static IReadOnlyList<(string Label, IReadOnlyList<ReportingPeriod> Periods)> Choices(DateOnly today, ReportingPeriod? shown)
    {
        var quarter = ReportingPeriod.QuarterOf(today);
        var month = ReportingPeriod.OfMonth(YearMonth.Of(today));
        var year = ReportingPeriod.OfYear(today.Year);
        var groups = new List<(string, IReadOnlyList<ReportingPeriod>)>
        {
            ("Quý", Walk(quarter, 8)),
            ("Tháng", Walk(month, 12)),
            ("Năm", Walk(year, 3)),
        };
        if (shown is not null && !groups.Any(group => group.Item2.Contains(shown)))
        {
            groups.Insert(0, ("Kỳ đang xem", [shown]));
        }

        return groups;
    }

    private static List<ReportingPeriod> Walk(ReportingPeriod latest, int count)
    {
        var periods = new List<ReportingPeriod> { latest };
        while (periods.Count < count)
        {
            periods.Add(periods[^1].Previous);
        }

        return periods;
    }

    /// <summary>The first day of the reorganised province (NQ 202/2025/QH15) and of the framework of NĐ 118/2025.</summary>
    public static readonly DateOnly ReorganisationDay = new(2025, 7, 1);

    /// <summary>Whether <paramref name="period"/> has days on both sides of 01/7/2025.</summary>
    public static bool SpansReorganisation(ReportingPeriod period) =>
        period is not null && period.Start < ReorganisationDay && ReorganisationDay <= period.End;

    /// <summary>A period is linked to only once it has started: results of the future do not exist.</summary>
    public static bool HasStarted(ReportingPeriod period, DateOnly today) => period is not null && period.Start <= today;

    public static string Shorten(string text) => text.Length <= 30 ? text : string.Concat(text.AsSpan(0, 30), "…");
}
