using System.Text.RegularExpressions;
using TayNinhCchc.Web.Infrastructure;

namespace TayNinhCchc.Web.Survey;

/// <summary>
/// Hides the identifiers citizens type into free text — e-mail addresses, phone numbers, CCCD (12 digits) and CMND
/// (9 digits) numbers — before the text is stored, so no one reading comments ever sees them (NĐ 13/2023/NĐ-CP).
/// The text is normalised first (<see cref="VietnameseText.NormalizeInput"/>): a number written in full-width,
/// Arabic-Indic or any other digits is the same number, and what is stored is the normalised, masked text.
/// A number may be grouped by spaces, line breaks, dots or any dash ("0912 345 678", "0912–345–678", "0912\n345\n678").
/// </summary>
public static partial class PersonalDataMasker
{
    public const string EmailMask = "[đã ẩn email]";
    public const string PhoneMask = "[đã ẩn số điện thoại]";
    public const string IdentityMask = "[đã ẩn số CCCD/CMND]";

    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var withoutEmails = Email().Replace(VietnameseText.NormalizeInput(text), EmailMask);
        return DigitRun().Replace(withoutEmails, match => Classify(match.Value) ?? match.Value);
    }

    private static string? Classify(string run)
    {
        var digits = new string(run.Where(char.IsAsciiDigit).ToArray());

        var international = run.StartsWith('+') || (digits.StartsWith("84", StringComparison.Ordinal) && digits.Length == 11);
        return digits.Length switch
        {
            11 when international => PhoneMask,
            10 or 11 when digits[0] == '0' => PhoneMask,
            12 => IdentityMask,
            9 => IdentityMask,
            _ => null,
        };
    }

    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}.\-]+\.\p{L}{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // Digits (ASCII after normalisation) possibly grouped by up to three separators — white space including line
    // breaks, dots, dash punctuation (\p{Pd}) or the minus sign — as in "0912 345 678", "+84 912.345.678",
    // "0912 – 345 – 678"; not touching other digits.
    [GeneratedRegex(@"(?<![0-9.,])\+?[0-9](?:[\s.\p{Pd}\u2212]{0,3}[0-9]){7,13}(?![0-9]|[.,][0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRun();
}
