namespace TayNinhCchc.Web.Procedures;

/// <summary>
/// A folded Vietnamese syllable reduced to how it sounds in the South, where most spelling slips come from: initial
/// x/s, tr/ch, gi/r/d, k/c and final n/ng/nh, t/c/ch/p, i/y are merged. "xinh" and "sinh", "ki" and "ky", "thuong chu"
/// and "thuong tru", "phat" and "phap" share a key, so a misspelt short syllable still finds the word meant, while
/// a plain one-letter edit on a three-letter syllable (which would match dozens of unrelated syllables) is not used.
/// </summary>
internal static class SyllableKey
{
    private static readonly (string From, string To)[] Initials = [("ngh", "ng"), ("gh", "g"), ("gi", "d"), ("tr", "ch"), ("x", "s"), ("r", "d"), ("k", "c"), ("q", "c")];

    private static readonly (string From, string To)[] Finals = [("nh", "n"), ("ng", "n"), ("ch", "t"), ("c", "t"), ("p", "t"), ("y", "i")];

    /// <summary>The key of a folded syllable ([a-z]+, at most seven letters), or null for anything else.</summary>
    public static string? Of(string word)
    {
        if (word.Length is 0 or > 7 || !word.All(char.IsAsciiLetterLower))
        {
            return null;
        }

        var key = word;
        foreach (var (from, to) in Initials)
        {
            if (key.StartsWith(from, StringComparison.Ordinal) && key.Length > from.Length)
            {
                key = to + key[from.Length..];
                break;
            }
        }

        foreach (var (from, to) in Finals)
        {
            if (key.EndsWith(from, StringComparison.Ordinal) && key.Length > from.Length)
            {
                key = key[..^from.Length] + to;
                break;
            }
        }

        return key;
    }
}
