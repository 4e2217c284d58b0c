using System.Globalization;
using System.Text.RegularExpressions;
using TayNinhCchc.Web.Infrastructure;

namespace TayNinhCchc.Web.Content;

/// <summary>
/// Reads the deadline texts of the plan's appendix ("Quý II/2021", "Tháng 4/2021", "Trong năm 2021") into date
/// ranges. A text that cannot be read with certainty gives no range; the text itself is always kept.
/// </summary>
public static partial class DeadlineParser
{
    public static DateRange? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var folded = VietnameseText.Fold(text);

        if (QuarterPattern().Match(folded) is { Success: true } quarter)
        {
            var q = RomanOrDigit(quarter.Groups["q"].Value);
            var year = int.Parse(quarter.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (q is >= 1 and <= 4)
            {
                var start = new DateOnly(year, ((q - 1) * 3) + 1, 1);
                return new DateRange(start, start.AddMonths(3).AddDays(-1));
            }

            return null;
        }

        if (FirstHalfPattern().Match(folded) is { Success: true } half)
        {
            var year = int.Parse(half.Groups["y"].Value, CultureInfo.InvariantCulture);
            return new DateRange(new DateOnly(year, 1, 1), new DateOnly(year, 6, 30));
        }

        if (MonthPattern().Match(folded) is { Success: true } month)
        {
            var m = int.Parse(month.Groups["m"].Value, CultureInfo.InvariantCulture);
            var year = int.Parse(month.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (m is >= 1 and <= 12)
            {
                var start = new DateOnly(year, m, 1);
                return new DateRange(start, start.AddMonths(1).AddDays(-1));
            }

            return null;
        }

        if (YearPattern().Match(folded) is { Success: true } whole)
        {
            var year = int.Parse(whole.Groups["y"].Value, CultureInfo.InvariantCulture);
            return new DateRange(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }

        return null;
    }

    /// <summary>The calendar quarter (1–4) that contains the whole range, or null when it spans more than one.</summary>
    public static int? QuarterOf(DateRange range)
    {
        var q = ((range.Start.Month - 1) / 3) + 1;
        var quarterEnd = new DateOnly(range.Start.Year, q * 3, 1).AddMonths(1).AddDays(-1);
        return range.End <= quarterEnd ? q : null;
    }

    private static int RomanOrDigit(string value) => value switch
    {
        "i" or "1" => 1,
        "ii" or "2" => 2,
        "iii" or "3" => 3,
        "iv" or "4" => 4,
        _ => 0,
    };

    [GeneratedRegex(@"\bquy\s+(?<q>iv|iii|ii|i|[1-4])\b\s*(?:/|nam)\s*(?<y>20\d\d)")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"6\s+thang\s+dau\s+nam\s+(?<y>20\d\d)")]
    private static partial Regex FirstHalfPattern();

    [GeneratedRegex(@"\bthang\s+(?<m>\d{1,2})\s*(?:/|nam)\s*(?<y>20\d\d)")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^(?:thuong xuyen\s+)?(?:trong\s+)?(?:ca\s+)?nam\s+(?<y>20\d\d)$")]
    private static partial Regex YearPattern();
}
