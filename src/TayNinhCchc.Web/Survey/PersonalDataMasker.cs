using System.Text.RegularExpressions;

namespace TayNinhCchc.Web.Survey;

/// <summary>
/// Hides the identifiers citizens type into free text — e-mail addresses, phone numbers, CCCD (12 digits) and CMND
/// (9 digits) numbers — before the text is stored, so no one reading comments ever sees them (NĐ 13/2023/NĐ-CP).
/// </summary>
public static partial class PersonalDataMasker
{
    public const string EmailMask = "[đã ẩn email]";
    public const string PhoneMask = "[đã ẩn số điện thoại]";
    public const string IdentityMask = "[đã ẩn số CCCD/CMND]";

    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var withoutEmails = Email().Replace(text, EmailMask);
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

    // Digits possibly grouped by spaces, dots or dashes ("0912 345 678", "+84 912.345.678"), not touching other digits.
    [GeneratedRegex(@"(?<![\d.,])\+?\d(?:[ .\-]?\d){7,13}(?![\d]|[.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRun();
}
