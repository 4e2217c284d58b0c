using System.Globalization;
using System.Text.RegularExpressions;
using TayNinhCchc.Web.Infrastructure;

namespace TayNinhCchc.Web.Survey;

/// <summary>A calendar month in Vietnam time: the unit the tallies are kept in.</summary>
public readonly record struct YearMonth(int Year, int Month)
{
    /// <summary>Months since year 0, so month arithmetic and comparisons are plain integer operations.</summary>
    public int Index => (Year * 12) + Month - 1;

    public static YearMonth FromIndex(int index) => new(index / 12, (index % 12) + 1);

    public static YearMonth Of(DateOnly date) => new(date.Year, date.Month);

    public YearMonth AddMonths(int months) => FromIndex(Index + months);

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    /// <summary>"12/2026", as Vietnamese reports write a month.</summary>
    public string Label => $"{Month:D2}/{Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"2026-12", the form used in URLs and open data.</summary>
    public string Code => $"{Year.ToString("D4", CultureInfo.InvariantCulture)}-{Month:D2}";

    /// <summary>Every month from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static IEnumerable<YearMonth> Range(YearMonth first, YearMonth last) =>
        Enumerable.Range(first.Index, Math.Max(0, last.Index - first.Index + 1)).Select(FromIndex);
}

/// <summary>How long a reporting period is.</summary>
public enum PeriodKind
{
    Month,
    Quarter,
    Year,
}

/// <summary>
/// A month, quarter or year of the Vietnamese calendar, written in URLs as <c>2026-12</c>, <c>2026-q4</c> or
/// <c>2026</c>. Every period lies within one calendar year.
/// </summary>
public sealed partial record ReportingPeriod
{
    private ReportingPeriod(PeriodKind kind, int year, int number)
    {
        Kind = kind;
        Year = year;
        Number = number;
    }

    public PeriodKind Kind { get; }

    public int Year { get; }

    /// <summary>The month (1–12) or quarter (1–4); 0 for a whole year.</summary>
    public int Number { get; }

    public static ReportingPeriod OfMonth(YearMonth month) => new(PeriodKind.Month, month.Year, month.Month);

    public static ReportingPeriod OfQuarter(int year, int quarter) =>
        quarter is >= 1 and <= 4 ? new(PeriodKind.Quarter, year, quarter) : throw new ArgumentOutOfRangeException(nameof(quarter));

    public static ReportingPeriod OfYear(int year) => new(PeriodKind.Year, year, 0);

    /// <summary>The quarter holding <paramref name="date"/>: the results pages' default.</summary>
    public static ReportingPeriod QuarterOf(DateOnly date) => OfQuarter(date.Year, ((date.Month - 1) / 3) + 1);

    /// <summary>
    /// Reads <c>2026-12</c>, <c>2026-q4</c> (or <c>Q4</c>) or <c>2026</c>, with a year from
    /// <see cref="RequestDates.FirstYear"/> to <see cref="RequestDates.LastYear"/>; anything else is refused.
    /// </summary>
    public static bool TryParse(string? text, out ReportingPeriod period)
    {
        period = OfYear(RequestDates.FirstYear);
        var match = text is null ? null : PeriodPattern().Match(RequestDates.Normalise(text));
        if (match is not { Success: true })
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        // Within the requests' date range, so months and days around the period (trends, UTC bounds) stay computable.
        if (!RequestDates.IsInRange(year))
        {
            return false;
        }

        period = match.Groups["month"].Success ? new(PeriodKind.Month, year, int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture))
            : match.Groups["quarter"].Success ? new(PeriodKind.Quarter, year, int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture))
            : OfYear(year);
        return true;
    }

    public YearMonth First => Kind switch
    {
        PeriodKind.Month => new(Year, Number),
        PeriodKind.Quarter => new(Year, (Number * 3) - 2),
        _ => new(Year, 1),
    };

    public YearMonth Last => Kind switch
    {
        PeriodKind.Month => new(Year, Number),
        PeriodKind.Quarter => new(Year, Number * 3),
        _ => new(Year, 12),
    };

    public DateOnly Start => First.FirstDay;

    public DateOnly End => Last.LastDay;

    /// <summary>The URL form: <c>2026-12</c>, <c>2026-q4</c>, <c>2026</c>.</summary>
    public string Code => Kind switch
    {
        PeriodKind.Month => First.Code,
        PeriodKind.Quarter => $"{Year.ToString("D4", CultureInfo.InvariantCulture)}-q{Number.ToString(CultureInfo.InvariantCulture)}",
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    /// <summary>"tháng 12/2026", "quý IV/2026", "năm 2026".</summary>
    public string Label => Kind switch
    {
        PeriodKind.Month => $"tháng {First.Label}",
        PeriodKind.Quarter => $"quý {RomanQuarters[Number - 1]}/{Year.ToString(CultureInfo.InvariantCulture)}",
        _ => $"năm {Year.ToString(CultureInfo.InvariantCulture)}",
    };

    public ReportingPeriod Previous => Kind switch
    {
        PeriodKind.Month => OfMonth(First.AddMonths(-1)),
        PeriodKind.Quarter => Number == 1 ? OfQuarter(Year - 1, 4) : OfQuarter(Year, Number - 1),
        _ => OfYear(Year - 1),
    };

    public ReportingPeriod Next => Kind switch
    {
        PeriodKind.Month => OfMonth(First.AddMonths(1)),
        PeriodKind.Quarter => Number == 4 ? OfQuarter(Year + 1, 1) : OfQuarter(Year, Number + 1),
        _ => OfYear(Year + 1),
    };

    public override string ToString() => Code;

    private static readonly string[] RomanQuarters = ["I", "II", "III", "IV"];

    [GeneratedRegex(@"^(?<year>[0-9]{4})(-((?<month>0[1-9]|1[0-2])|[qQ](?<quarter>[1-4])))?$", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodPattern();
}
