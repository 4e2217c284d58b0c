namespace TayNinhCchc.Web.Procedures;

/// <summary>Edit distances for typo tolerance and spelling suggestions.</summary>
public sealed partial class SearchIndex
{
    private static IEnumerable<string> Deletes(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            yield return string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
        }
    }

    /// <summary>Whether two words are at most one insertion, deletion, substitution or adjacent transposition apart.</summary>
    private static bool IsOneEdit(string a, string b)
    {
        if (a.Length < b.Length)
        {
            (a, b) = (b, a);
        }

        var common = a.AsSpan().CommonPrefixLength(b);
        if (a.Length == b.Length)
        {
            return common == a.Length
                || a.AsSpan(common + 1).SequenceEqual(b.AsSpan(common + 1))
                || (common + 1 < a.Length && a[common] == b[common + 1] && a[common + 1] == b[common] && a.AsSpan(common + 2).SequenceEqual(b.AsSpan(common + 2)));
        }

        return a.Length == b.Length + 1 && a.AsSpan(common + 1).SequenceEqual(b.AsSpan(common));
    }

    /// <summary>
    /// Optimal string alignment distance (Levenshtein plus adjacent transposition); any value above
    /// <paramref name="limit"/> means "further than the limit".
    /// </summary>
    private static int Distance(string a, string b, int limit)
    {
        var width = b.Length + 1;
        var rows = width * 3 <= 1024 ? stackalloc int[width * 3] : new int[width * 3];
        var beforePrevious = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        var previousMinimum = 0;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var minimum = i;
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, beforePrevious[j - 2] + 1);
                }

                current[j] = value;
                minimum = Math.Min(minimum, value);
            }

            // A cell only draws on the two rows above it, so once both are past the limit every later one is too.
            if (minimum > limit && previousMinimum > limit)
            {
                return limit + 1;
            }

            previousMinimum = minimum;
            var recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }
}
