using System.Globalization;
using System.Text;

namespace TayNinhCchc.Web.Infrastructure;

/// <summary>Vietnamese-aware text helpers: slugs, folding for search, vi-VN number and date formats.</summary>
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
