using TayNinhCchc.Web.Infrastructure;
using TayNinhCchc.Web.Procedures;

namespace TayNinhCchc.Benchmarks.Search;

/// <summary>
/// The simplest search that could work, as a yardstick: every document's name, field and body folded once up front;
/// per query, fold the query and keep the documents whose text contains every query word (<c>string.Contains</c>).
/// No ranking, synonyms, typo tolerance or stop words.
/// </summary>
internal sealed class NaiveSearch
{
    private readonly string[] keys;
    private readonly string[] folded;

    public NaiveSearch(IEnumerable<SearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var all = documents.ToArray();
        keys = all.Select(document => document.Key).ToArray();
        folded = all.Select(document => VietnameseText.Fold($"{document.Name} {document.Field} {document.Body}")).ToArray();
    }

    /// <summary>Keys of the documents containing every word of the folded query, in catalogue order (no ranking).</summary>
    public IReadOnlyList<string> Matches(string query)
    {
        var words = SearchIndex.Words(query).ToArray();
        var matches = new List<string>();
        for (var i = 0; i < folded.Length && words.Length > 0; i++)
        {
            if (words.All(word => folded[i].Contains(word, StringComparison.Ordinal)))
            {
                matches.Add(keys[i]);
            }
        }

        return matches;
    }

    /// <summary>Number of documents containing every word of the folded query.</summary>
    public int Count(string query)
    {
        var words = SearchIndex.Words(query).ToArray(); // folds the query, then splits into [a-z0-9]+ words
        if (words.Length == 0)
        {
            return 0;
        }

        var count = 0;
        for (var i = 0; i < folded.Length; i++)
        {
            var text = folded[i];
            var all = true;
            foreach (var word in words)
            {
                if (!text.Contains(word, StringComparison.Ordinal))
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                count++;
            }
        }

        return count;
    }

    public int Size => keys.Length;
}
