using System.Globalization;
using System.Text;

namespace TayNinhCchc.Web.Infrastructure;

/// <summary>
/// Vietnamese-aware text helpers: input normalisation, slugs, folding for search, vi-VN number and date formats.
/// </summary>
public static class VietnameseText
{
    // Fixed here rather than taken from the vi-VN culture, whose data depends on the ICU version of the machine.
    private static readonly NumberFormatInfo NumberFormat = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NegativeSign = "-",
    };

    /// <summary>
    /// What every piece of free text a person types goes through before it is checked or stored: NFKC (composed
    /// Vietnamese letters; full-width and other compatibility forms become their plain letters, digits, spaces and
    /// punctuation) and every Unicode decimal digit — any script .NET calls a digit, in or beyond the BMP — becomes its
    /// ASCII digit. Without it "０９１２３４５６７８" or "٠٩١٢٣٤٥٦٧٨" is a different text from "0912345678" to every check.
    /// </summary>
    public static string NormalizeInput(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var composed = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        if (!HasNonAsciiDigit(composed))
        {
            return composed;
        }

        var builder = new StringBuilder(composed.Length);
        foreach (var rune in composed.EnumerateRunes())
        {
            if (!rune.IsAscii && Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber)
            {
                builder.Append((char)('0' + (int)Rune.GetNumericValue(rune)));
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// <see cref="NormalizeInput"/> for codes read off a document (dossier codes): also turns every dash-like
    /// character — Unicode's dash punctuation (hyphen, en and em dash, full-width and small hyphen-minus…) and the
    /// minus sign — into <c>-</c>, so "ABC–123" and "ＡＢＣ－１２３" are "ABC-123".
    /// </summary>
    public static string NormalizeCode(string text)
    {
        var normalized = NormalizeInput(text);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            builder.Append(IsDash(c) ? '-' : c);
        }

        return builder.ToString();
    }

    /// <summary>True for '-' and every character that reads as one: dash punctuation and the minus sign (U+2212).</summary>
    public static bool IsDash(char c) => c is '-' or '\u2212' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation;

    private static bool HasNonAsciiDigit(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (!rune.IsAscii && Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Removes diacritics and lower-cases. "đ"/"Đ" is mapped explicitly because it has no Unicode decomposition.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (c)
            {
                case 'đ' or 'Đ':
                    builder.Append('d');
                    break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                    {
                        builder.Append(char.ToLowerInvariant(c));
                    }

                    break;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>A URL slug without diacritics: "Đăng ký khai sinh" → "dang-ky-khai-sinh".</summary>
    public static string Slugify(string text)
    {
        var folded = Fold(text);
        var builder = new StringBuilder(folded.Length);
        var pendingDash = false;
        foreach (var c in folded)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(c);
                pendingDash = false;
            }
            else
            {
                pendingDash = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>Groups digits with dots, as Vietnamese documents do: 1752580000 → "1.752.580.000".</summary>
    public static string Number(long value) =>
        value.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');

    /// <summary>A decimal with a comma, as Vietnamese writes it: 12.45 → "12,45" (two decimals).</summary>
    public static string Number(double value, int decimals) =>
        value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), NumberFormat);

    /// <summary>A share (0–1) as a Vietnamese percentage: 0.853 → "85,3%".</summary>
    public static string Percent(double share, int decimals = 1) => Number(share * 100, decimals) + "%";

    /// <summary>An amount of money in words the way the plan prints it: "1.752.580.000 đồng".</summary>
    public static string Money(long value) => $"{Number(value)} đồng";

    /// <summary>dd/MM/yyyy, the date format Vietnamese readers expect.</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <inheritdoc cref="Date(DateOnly)"/>
    public static string Date(DateTime date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
