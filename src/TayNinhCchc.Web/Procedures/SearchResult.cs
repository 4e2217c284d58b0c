namespace TayNinhCchc.Web.Procedures;

/// <summary>A ranked hit. <see cref="Document"/> is the document's position in the sequence the index was built from.</summary>
public readonly record struct SearchHit(int Document, string Key, double Score);

/// <summary>The outcome of a query: hits best first, or a suggestion when nothing matched.</summary>
public sealed class SearchResult
{
    private static readonly IReadOnlySet<string> NoWords = new HashSet<string>();

    private readonly Func<int, IReadOnlySet<string>>? matchedWords;

    internal SearchResult(IReadOnlyList<SearchHit> hits, string? suggestion, string? exactCode, Func<int, IReadOnlySet<string>>? matchedWords)
    {
        Hits = hits;
        Suggestion = suggestion;
        ExactCode = exactCode;
        this.matchedWords = matchedWords;
    }

    public IReadOnlyList<SearchHit> Hits { get; }

    public string? Suggestion { get; }

    public string? ExactCode { get; }

    /// <summary>No procedure holds every word of the query: the hits hold some of them, those holding more first.</summary>
    public bool Partial { get; init; }

    /// <summary>
    /// The folded index words that made <paramref name="hit"/> match, for highlighting. Worked out on request rather
    /// than during the search, so a page of results pays for the twenty hits it shows, not for every hit.
    /// </summary>
    public IReadOnlySet<string> MatchedWords(SearchHit hit) => matchedWords?.Invoke(hit.Document) ?? NoWords;
}

/// <summary>
/// Hits in the index's order, kept compact (four bytes a hit) because an unlimited query can match most of the
/// catalogue: the document numbers, and the score of each run of equal scores, which are contiguous.
/// </summary>
internal sealed class RankedHits(SearchDocument[] documents, int[] ranked, int[] runEnds, double[] runScores) : IReadOnlyList<SearchHit>
{
    public int Count => ranked.Length;

    public SearchHit this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ranked.Length);
            var run = Array.BinarySearch(runEnds, index);
            run = run < 0 ? ~run : run + 1;
            var document = ranked[index];
            return new SearchHit(document, documents[document].Key, runScores[run]);
        }
    }

    public IEnumerator<SearchHit> GetEnumerator()
    {
        for (var i = 0; i < ranked.Length; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
