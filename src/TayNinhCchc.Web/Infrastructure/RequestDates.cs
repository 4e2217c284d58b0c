using System.Globalization;

namespace TayNinhCchc.Web.Infrastructure;

/// <summary>
/// The one reader of dates and years taken from a request (dashboard filters, the export, the results' periods), and
/// the range they must fall in. The range keeps every date far from the ends of <see cref="DateTime"/>, so the
/// arithmetic after it (Vietnam time to UTC, "the day after", twelve months back) can never overflow into a 500; it
/// is wide enough for any record the portal can hold (it started in 2026) and any report anyone will ask for.
/// </summary>
public static class RequestDates
{
    public const int FirstYear = 2000;

    public const int LastYear = 2099;

    public static DateOnly Earliest { get; } = new(FirstYear, 1, 1);

    public static DateOnly Latest { get; } = new(LastYear, 12, 31);

    /// <summary>"01/01/2000 đến 31/12/2099", for messages.</summary>
    public static string RangeText { get; } = $"{VietnameseText.Date(Earliest)} đến {VietnameseText.Date(Latest)}";

    /// <summary>For the <c>min</c> and <c>max</c> of a date field.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly string[] Formats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    /// <summary>
    /// Reads a date from a date field (yyyy-MM-dd) or typed by hand (dd/MM/yyyy, d/M/yyyy), after normalising
    /// full-width forms, digits of other scripts and dashes; false for anything else and for dates outside the range.
    /// </summary>
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(Normalise(text), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date >= Earliest && date <= Latest;

    /// <summary>True for a year the portal reports on.</summary>
    public static bool IsInRange(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>The project's one input normalisation for codes (NFKC, every digit to ASCII, every dash to '-'), trimmed.</summary>
    public static string Normalise(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : VietnameseText.NormalizeCode(text).Trim();
}
