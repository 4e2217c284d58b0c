using TayNinhCchc.Web.Infrastructure;

namespace TayNinhCchc.Web.Survey;

/// <summary>
/// The dossier code (mã hồ sơ) a citizen reads off the receipt and types into the survey. It is normalised before it
/// is checked or hashed (<see cref="VietnameseText.NormalizeCode"/>): "ABC–123" (en dash), "ＡＢＣ－１２３" (full-width)
/// and "abc-123" are the same code, and the keyed hash of <see cref="Key"/> decides whether the dossier was rated.
/// </summary>
public static class DossierCode
{
    public const int MaxLength = 50;

    /// <summary>The message for a code that is not one, naming the field and what it may contain.</summary>
    public static readonly string InvalidMessage =
        $"Mã hồ sơ chỉ gồm chữ cái không dấu, chữ số và các dấu . - / _ (tối đa {MaxLength} ký tự).";

    /// <summary>The code as checked: normalised, trimmed; null when nothing was typed.</summary>
    public static string? Normalise(string? typed)
    {
        var code = typed is null ? null : VietnameseText.NormalizeCode(typed).Trim();
        return string.IsNullOrEmpty(code) ? null : code;
    }

    /// <summary>Whether a normalised code is one: ASCII letters, digits and . - / _ or spaces, at least one letter or digit.</summary>
    public static bool IsValid(string normalised)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        return normalised.Length <= MaxLength
            && normalised.Any(char.IsAsciiLetterOrDigit)
            && normalised.All(character => char.IsAsciiLetterOrDigit(character) || character is '.' or '-' or '/' or '_' or ' ');
    }

    /// <summary>
    /// What is hashed: compared without case, spaces or separators, so "000.00.19.H57-210101-0001" is
    /// "00000 19H57210101 0001". Codes typed in plain ASCII keep the key they had before normalisation was added.
    /// </summary>
    public static string Key(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return new string(VietnameseText.NormalizeCode(code).Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
    }
}
