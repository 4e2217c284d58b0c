using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Microsoft.Extensions.ObjectPool;
using TayNinhCchc.Web.Infrastructure;

namespace TayNinhCchc.Web.Procedures;

/// <summary>A document as the search index sees it: the text of each ranked field.</summary>
public sealed record SearchDocument(string Key, string Name, string Field, string Body);

/// <summary>One synonym rule: any of <see cref="Phrases"/> typed by a citizen also searches for the others.</summary>
public sealed record SynonymGroup(IReadOnlyList<string> Phrases);

/// <summary>
/// Full-text search built for how citizens type: diacritic- and case-insensitive (đ ↔ d), synonyms and everyday
/// words, prefix matching, one typo tolerated in words of five letters or more (four when the word is no index term),
/// sound-alike syllables (<see cref="SyllableKey"/>), ranking name above field above body, and partial matches when no
/// document holds every word. Immutable once built; rebuilt with the content snapshot.
/// Parts: this file (the index and the search entry point), QueryPlan (query words → candidate terms), Scoring
/// (matching documents and their scores), Ranking (name phrase bonus, final order), Spelling (edit distances),
/// Scratch (pooled per-query memory).
/// </summary>
public sealed partial class SearchIndex
{
    private const double NameWeight = 10;
    private const double FieldWeight = 4;
    private const double BodyWeight = 1;
    private const double PrefixFactor = 0.7;
    private const double TypoFactor = 0.5;
    private const int TypoMinimumLength = 5;

    // A four-letter word that is no index term may be one typo away from one ("doah" → "doanh").
    private const int UnknownTypoMinimumLength = 4;

    // Documents matching more of the query's concepts rank first when partial matches are shown; this tier is far
    // above any score a document can gather from the words themselves.
    private const double PartialTier = 1_000_000;

    // A posting packs the document and the field it was found in (0 name, 1 field, 2 body) into one int, so the
    // postings of a term are one sorted run of ints.
    private const int FieldBits = 2;

    // Rough cost of finding one document in one term's postings by binary search, counted in postings read in order.
    private const int PostingsPerLookup = 24;

    private static readonly double[] FieldWeights = [NameWeight, FieldWeight, BodyWeight];

    private readonly SearchDocument[] documents;
    private readonly string[] foldedNames;

    // Equal scores are ordered by shorter folded name, then key: tieRanks[document] is the document's place in that
    // order and byTieRank its inverse, so ordering hits compares two numbers.
    private readonly int[] tieRanks;
    private readonly int[] byTieRank;

    // Terms in ordinal order; a term's id is its position, so the terms sharing a prefix are one range of ids.
    private readonly string[] terms;
    private readonly FrozenDictionary<string, int> termIds;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> termIdsBySpan;
    private readonly int[] postingStarts;
    private readonly int[] postings;

    // Symmetric-delete typo lookup: every term with one letter removed → the ids of the terms that give it.
    private readonly FrozenDictionary<string, int[]> deletions;
    private readonly FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> deletionsBySpan;

    // Terms by the key of how they sound (SyllableKey): "sinh" is found for "xinh", "phap" for "phat".
    private readonly FrozenDictionary<string, int[]> soundAlikes;

    private readonly IReadOnlyList<(string[] Words, IReadOnlyList<string[]> Alternatives)> synonyms;
    private readonly string[][] stopPhrases;

    // Words of questions ("cho", "ở", "gì"): a query word among them, outside a synonym, need not be in a document.
    private readonly FrozenSet<string> softWords;
    private readonly FrozenDictionary<string, int> byCode;
    private readonly ObjectPool<Scratch> scratchPool;

    public SearchIndex(
        IEnumerable<SearchDocument> documents, IEnumerable<SynonymGroup> synonymGroups, IEnumerable<string> stopWords, IEnumerable<string>? softWords = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        this.documents = documents.ToArray();
        foldedNames = this.documents.Select(document => string.Join(' ', Words(document.Name))).ToArray();
        byCode = this.documents.Select((document, i) => (document.Key, i)).ToFrozenDictionary(pair => pair.Key, pair => pair.i, StringComparer.Ordinal);
        byTieRank = Enumerable.Range(0, this.documents.Length)
            .OrderBy(document => TieLength(foldedNames[document]))
            .ThenBy(document => this.documents[document].Key, StringComparer.Ordinal)
            .ToArray();
        tieRanks = new int[byTieRank.Length];
        for (var rank = 0; rank < byTieRank.Length; rank++)
        {
            tieRanks[byTieRank[rank]] = rank;
        }

        this.softWords = (softWords ?? []).SelectMany(Words).ToFrozenSet(StringComparer.Ordinal);
        stopPhrases = stopWords.Select(phrase => Words(phrase).ToArray()).Where(words => words.Length > 0)
            .OrderByDescending(words => words.Length).ToArray();

        var builder = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < this.documents.Length; i++)
        {
            // Fields go from the heaviest to the lightest, so a term's first field in a document is its best one.
            var document = this.documents[i];
            seen.Clear();
            Add(builder, seen, i, document.Name, field: 0);
            Add(builder, seen, i, document.Field, field: 1);
            Add(builder, seen, i, document.Body, field: 2);
        }

        terms = [.. builder.Keys.Order(StringComparer.Ordinal)];
        termIds = terms.Select((term, id) => (term, id)).ToFrozenDictionary(pair => pair.term, pair => pair.id, StringComparer.Ordinal);
        termIdsBySpan = termIds.GetAlternateLookup<ReadOnlySpan<char>>();
        postingStarts = new int[terms.Length + 1];
        postings = new int[builder.Values.Sum(list => list.Count)];
        for (var id = 0; id < terms.Length; id++)
        {
            var list = builder[terms[id]];
            list.CopyTo(postings, postingStarts[id]);
            postingStarts[id + 1] = postingStarts[id] + list.Count;
        }

        var deletionBuilder = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var id = 0; id < terms.Length; id++)
        {
            if (terms[id].Length < UnknownTypoMinimumLength - 1)
            {
                continue;
            }

            foreach (var deleted in Deletes(terms[id]))
            {
                if (!deletionBuilder.TryGetValue(deleted, out var ids))
                {
                    deletionBuilder[deleted] = ids = [];
                }

                // A doubled letter gives the same deletion twice in a row.
                if (ids.Count == 0 || ids[^1] != id)
                {
                    ids.Add(id);
                }
            }
        }

        soundAlikes = Enumerable.Range(0, terms.Length)
            .Select(id => (Key: SyllableKey.Of(terms[id]), id))
            .Where(pair => pair.Key is not null)
            .GroupBy(pair => pair.Key!, StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.Select(pair => pair.id).ToArray(), StringComparer.Ordinal);
        deletions = deletionBuilder.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
        deletionsBySpan = deletions.GetAlternateLookup<ReadOnlySpan<char>>();
        synonyms = synonymGroups
            .Select(group => group.Phrases.Select(phrase => Words(phrase).ToArray()).Where(words => words.Length > 0).ToList())
            .SelectMany(phrases => phrases.Select(phrase => (phrase, (IReadOnlyList<string[]>)phrases.Where(other => other != phrase).ToList())))
            .OrderByDescending(rule => rule.phrase.Length)
            .ToList();
        scratchPool = new DefaultObjectPool<Scratch>(new ScratchPolicy(this.documents.Length));
    }

    public int Count => documents.Length;

    /// <summary>
    /// Length of a folded name for ordering equal scores, without the "thủ tục" some national records put before the
    /// name and others do not: "Thủ tục đăng ký khai tử" is not longer than "Đăng ký lại khai tử".
    /// </summary>
    private static int TieLength(string foldedName) =>
        foldedName.StartsWith("thu tuc ", StringComparison.Ordinal) ? foldedName.Length - "thu tuc ".Length : foldedName.Length;

    /// <summary>Splits text into folded words (no diacritics, lower case, letters and digits only).</summary>
    public static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(VietnameseText.Fold(text ?? string.Empty)).Select(match => match.Value);

    /// <summary>
    /// Hits best first: every hit when <paramref name="limit"/> is not given (the catalogue page pages and counts
    /// them), otherwise only the best <paramref name="limit"/>, which spares ordering the rest.
    /// </summary>
    public SearchResult Search(string query, int limit = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var trimmed = (query ?? string.Empty).Trim();
        if (CodePattern().IsMatch(trimmed) && byCode.TryGetValue(trimmed, out var coded))
        {
            return new SearchResult([new SearchHit(coded, trimmed, double.MaxValue)], null, trimmed, null);
        }

        var words = WithoutStopPhrases(Words(trimmed).ToList());
        if (words.Count == 0)
        {
            return new SearchResult([], null, null, null);
        }

        // Each concept is a set of alternative word sequences: the words typed, or a synonym phrase for them.
        var concepts = Concepts(words);
        var scratch = scratchPool.Get();
        try
        {
            scratch.StartQuery();
            var soft = concepts.Select(alternatives => alternatives is [[var word]] && softWords.Contains(word.Text)).ToArray();
            if (soft.All(isSoft => isSoft))
            {
                Array.Clear(soft);
            }

            // A soft word is a whole word: "con" adds for "con", not for the "công" it begins or sounds like.
            for (var c = 0; c < concepts.Count; c++)
            {
                if (soft[c])
                {
                    var word = concepts[c][0][0];
                    var exact = termIds.GetValueOrDefault(word.Text, -1);
                    concepts[c] = [[exact < 0 ? word with { Candidates = [], Cost = 0 } : new QueryWord(word.Text, [new Candidate(exact, 1.0)], postingStarts[exact + 1] - postingStarts[exact])]];
                }
            }

            var count = Score(concepts, soft, scratch);
            var partial = false;
            if (count == 0 && concepts.Count > 1)
            {
                count = ScorePartial(concepts, scratch);
                partial = count > 0;
            }

            var phrase = string.Join(' ', words);
            var pairs = Enumerable.Range(0, words.Count - 1).Select(w => $"{words[w]} {words[w + 1]}").ToArray();
            for (var i = 0; i < count; i++)
            {
                var document = scratch.Alive[i];
                var phraseWords = Math.Max(PhraseWordsInName(document, phrase, words.Count, concepts, scratch), PairsInName(document, pairs));
                if (phraseWords > 0)
                {
                    scratch.Total[document] += NameWeight * phraseWords;
                }
            }

            var hits = Order(scratch, count, limit);
            return new SearchResult(hits, count == 0 ? Suggest(words) : null, null, document => MatchedWords(concepts, document)) { Partial = partial };
        }
        finally
        {
            scratchPool.Return(scratch);
        }
    }

    /// <summary>
    /// The same choice of alternatives and terms as the scoring, for one document, keeping which terms won: the
    /// words of its best alternative per concept, the best candidate per word (the first among equals).
    /// </summary>
    private HashSet<string> MatchedWords(List<QueryWord[][]> concepts, int document)
    {
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var alternatives in concepts)
        {
            string[]? bestWords = null;
            var best = 0.0;
            foreach (var sequence in alternatives)
            {
                var sequenceWords = new string[sequence.Length];
                var sum = 0.0;
                var all = true;
                for (var w = 0; w < sequence.Length && all; w++)
                {
                    var (term, score) = BestCandidate(sequence[w], document);
                    all = term >= 0;
                    if (all)
                    {
                        sum += score;
                        sequenceWords[w] = terms[term];
                    }
                }

                if (all && (bestWords is null || best < sum / sequence.Length))
                {
                    bestWords = sequenceWords;
                    best = sum / sequence.Length;
                }
            }

            matched.UnionWith(bestWords ?? []);
        }

        return matched;
    }

    private (int Term, double Score) BestCandidate(QueryWord word, int document)
    {
        var (bestTerm, bestScore) = (-1, 0.0);
        foreach (var candidate in word.Candidates)
        {
            var run = postings.AsSpan(postingStarts[candidate.Term], postingStarts[candidate.Term + 1] - postingStarts[candidate.Term]);
            var at = run.BinarySearch(document << FieldBits);
            at = at < 0 ? ~at : at;
            if (at < run.Length && run[at] >> FieldBits == document)
            {
                var score = FieldWeights[run[at] & ((1 << FieldBits) - 1)] * candidate.Factor;
                if (bestTerm < 0 || bestScore < score)
                {
                    (bestTerm, bestScore) = (candidate.Term, score);
                }
            }
        }

        return (bestTerm, bestScore);
    }

    private string? Suggest(List<string> words)
    {
        var corrected = words.Select(word => termIds.ContainsKey(word) ? word : Closest(word)).ToList();
        return corrected.Any(word => word is null) || corrected.SequenceEqual(words) ? null : string.Join(' ', corrected);
    }

    /// <summary>The term within two edits, the closest first, then the one in the most documents.</summary>
    private string? Closest(string word)
    {
        var (best, bestDistance, bestDocuments) = (-1, int.MaxValue, 0);
        for (var id = 0; id < terms.Length; id++)
        {
            if (Math.Abs(terms[id].Length - word.Length) > 2)
            {
                continue;
            }

            var distance = Distance(word, terms[id], limit: 2);
            var documentCount = postingStarts[id + 1] - postingStarts[id];
            if (distance <= 2 && (distance < bestDistance || (distance == bestDistance && documentCount > bestDocuments)))
            {
                (best, bestDistance, bestDocuments) = (id, distance, documentCount);
            }
        }

        return best < 0 ? null : terms[best];
    }

    private static void Add(Dictionary<string, List<int>> builder, HashSet<string> seen, int document, string text, int field)
    {
        foreach (var word in Words(text))
        {
            if (!seen.Add(word))
            {
                continue;
            }

            if (!builder.TryGetValue(word, out var entries))
            {
                builder[word] = entries = [];
            }

            entries.Add((document << FieldBits) | field);
        }
    }

    [GeneratedRegex(@"[a-z0-9]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^\d\.\d{6}$")]
    private static partial Regex CodePattern();

    private readonly record struct Candidate(int Term, double Factor);

    /// <summary>A query word's candidate terms, and <see cref="Cost"/>: their postings, all read to score the word.</summary>
    private sealed record QueryWord(string Text, Candidate[] Candidates, int Cost);
}
