using System.Collections.Frozen;
using System.Text.RegularExpressions;
using TayNinhCchc.Web.Infrastructure;

namespace TayNinhCchc.Web.Procedures;

/// <summary>A document as the search index sees it: the text of each ranked field.</summary>
public sealed record SearchDocument(string Key, string Name, string Field, string Body);

/// <summary>One synonym rule: any of <see cref="Phrases"/> typed by a citizen also searches for the others.</summary>
public sealed record SynonymGroup(IReadOnlyList<string> Phrases);

/// <summary>A ranked hit with the folded words that matched, for highlighting.</summary>
public sealed record SearchHit(string Key, double Score, IReadOnlySet<string> MatchedWords);

/// <summary>The outcome of a query: hits best first, or a suggestion when nothing matched.</summary>
public sealed record SearchResult(IReadOnlyList<SearchHit> Hits, string? Suggestion, string? ExactCode);

/// <summary>
/// Full-text search built for how citizens type: diacritic- and case-insensitive (đ ↔ d), synonyms and everyday
/// words, prefix matching, one typo tolerated in words of five letters or more, ranking name above field above body.
/// Immutable once built; rebuilt with the content snapshot.
/// </summary>
public sealed partial class SearchIndex
{
    private const double NameWeight = 10;
    private const double FieldWeight = 4;
    private const double BodyWeight = 1;
    private const double PrefixFactor = 0.7;
    private const double TypoFactor = 0.5;
    private const int TypoMinimumLength = 5;

    private readonly SearchDocument[] documents;
    private readonly string[] foldedNames;
    private readonly FrozenDictionary<string, Posting[]> postings;
    private readonly string[] vocabulary;
    private readonly FrozenDictionary<string, string[]> deletions;
    private readonly IReadOnlyList<(string[] Words, IReadOnlyList<string[]> Alternatives)> synonyms;
    private readonly string[][] stopPhrases;
    private readonly FrozenDictionary<string, int> byCode;

    public SearchIndex(IEnumerable<SearchDocument> documents, IEnumerable<SynonymGroup> synonymGroups, IEnumerable<string> stopWords)
    {
        ArgumentNullException.ThrowIfNull(documents);
        this.documents = documents.ToArray();
        foldedNames = this.documents.Select(document => string.Join(' ', Words(document.Name))).ToArray();
        byCode = this.documents.Select((document, i) => (document.Key, i)).ToFrozenDictionary(pair => pair.Key, pair => pair.i, StringComparer.Ordinal);
        stopPhrases = stopWords.Select(phrase => Words(phrase).ToArray()).Where(words => words.Length > 0)
            .OrderByDescending(words => words.Length).ToArray();

        var builder = new Dictionary<string, Dictionary<int, double>>(StringComparer.Ordinal);
        for (var i = 0; i < this.documents.Length; i++)
        {
            var document = this.documents[i];
            Add(builder, i, document.Name, NameWeight);
            Add(builder, i, document.Field, FieldWeight);
            Add(builder, i, document.Body, BodyWeight);
        }

        postings = builder.ToFrozenDictionary(
            pair => pair.Key,
            pair => pair.Value.Select(entry => new Posting(entry.Key, entry.Value)).ToArray(),
            StringComparer.Ordinal);
        vocabulary = [.. builder.Keys.Order(StringComparer.Ordinal)];
        deletions = vocabulary
            .Where(word => word.Length >= TypoMinimumLength - 1)
            .SelectMany(word => Deletes(word).Select(deleted => (deleted, word)))
            .GroupBy(pair => pair.deleted, StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.Select(pair => pair.word).Distinct().ToArray(), StringComparer.Ordinal);
        synonyms = synonymGroups
            .Select(group => group.Phrases.Select(phrase => Words(phrase).ToArray()).Where(words => words.Length > 0).ToList())
            .SelectMany(phrases => phrases.Select(phrase => (phrase, (IReadOnlyList<string[]>)phrases.Where(other => other != phrase).ToList())))
            .OrderByDescending(rule => rule.phrase.Length)
            .ToList();
    }

    public int Count => documents.Length;

    /// <summary>Splits text into folded words (no diacritics, lower case, letters and digits only).</summary>
    public static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(VietnameseText.Fold(text ?? string.Empty)).Select(match => match.Value);

    public SearchResult Search(string query, int limit = int.MaxValue)
    {
        var trimmed = (query ?? string.Empty).Trim();
        if (CodePattern().IsMatch(trimmed) && byCode.ContainsKey(trimmed))
        {
            return new SearchResult([new SearchHit(trimmed, double.MaxValue, new HashSet<string>())], null, trimmed);
        }

        var words = WithoutStopPhrases(Words(trimmed).ToList());
        if (words.Count == 0)
        {
            return new SearchResult([], null, null);
        }

        // Each concept is a set of alternative word sequences: the words typed, or a synonym phrase for them.
        var concepts = Concepts(words);
        var scores = new Dictionary<int, double>();
        var matched = new Dictionary<int, HashSet<string>>();
        var first = true;
        foreach (var alternatives in concepts)
        {
            var conceptScores = new Dictionary<int, double>();
            var conceptWords = new Dictionary<int, HashSet<string>>();
            foreach (var (sequence, isLastTyped) in alternatives)
            {
                ScoreSequence(sequence, isLastTyped, conceptScores, conceptWords);
            }

            if (first)
            {
                foreach (var (doc, score) in conceptScores)
                {
                    scores[doc] = score;
                    matched[doc] = conceptWords[doc];
                }

                first = false;
            }
            else
            {
                foreach (var doc in scores.Keys.ToList())
                {
                    if (conceptScores.TryGetValue(doc, out var score))
                    {
                        scores[doc] += score;
                        matched[doc].UnionWith(conceptWords[doc]);
                    }
                    else
                    {
                        scores.Remove(doc);
                    }
                }
            }

            if (scores.Count == 0)
            {
                break;
            }
        }

        var phrase = string.Join(' ', words);
        var hits = scores
            .Select(pair => new SearchHit(
                documents[pair.Key].Key,
                pair.Value + (foldedNames[pair.Key].Contains(phrase, StringComparison.Ordinal) ? NameWeight * words.Count : 0),
                matched[pair.Key]))
            .OrderByDescending(hit => hit.Score)
            .ThenBy(hit => foldedNames[byCode[hit.Key]].Length)
            .ThenBy(hit => hit.Key, StringComparer.Ordinal)
            .Take(limit)
            .ToList();

        return new SearchResult(hits, hits.Count == 0 ? Suggest(words) : null, null);
    }

    /// <summary>
    /// Drops filler phrases ("thủ tục", "ở đâu") as whole phrases — their words alone still count — unless a synonym
    /// phrase starts there ("làm giấy khai sinh").
    /// </summary>
    private List<string> WithoutStopPhrases(List<string> words)
    {
        var kept = new List<string>(words.Count);
        for (var i = 0; i < words.Count;)
        {
            var stop = stopPhrases.FirstOrDefault(phrase => StartsWith(words, i, phrase));
            var startsSynonym = synonyms.Any(rule => StartsWith(words, i, rule.Words));
            if (stop is not null && words.Count > stop.Length && !startsSynonym)
            {
                i += stop.Length;
            }
            else
            {
                kept.Add(words[i]);
                i++;
            }
        }

        return kept;
    }

    private List<List<(string[] Sequence, bool IsLastTyped)>> Concepts(List<string> words)
    {
        var concepts = new List<List<(string[], bool)>>();
        for (var i = 0; i < words.Count;)
        {
            var rule = synonyms.FirstOrDefault(candidate => StartsWith(words, i, candidate.Words));
            if (rule.Words is { } ruleWords)
            {
                var alternatives = new List<(string[], bool)> { (ruleWords, false) };
                alternatives.AddRange(rule.Alternatives.Select(alternative => (alternative, false)));
                concepts.Add(alternatives);
                i += ruleWords.Length;
            }
            else
            {
                concepts.Add([([words[i]], i == words.Count - 1)]);
                i++;
            }
        }

        return concepts;
    }

    private static bool StartsWith(List<string> words, int start, string[] phrase)
    {
        if (start + phrase.Length > words.Count)
        {
            return false;
        }

        for (var j = 0; j < phrase.Length; j++)
        {
            if (words[start + j] != phrase[j])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Scores documents containing every word of <paramref name="sequence"/>; keeps the best alternative.</summary>
    private void ScoreSequence(string[] sequence, bool allowPrefix, Dictionary<int, double> best, Dictionary<int, HashSet<string>> bestWords)
    {
        Dictionary<int, double>? sequenceScores = null;
        var sequenceWords = new Dictionary<int, HashSet<string>>();
        foreach (var word in sequence)
        {
            var wordScores = new Dictionary<int, (double Score, string Word)>();
            foreach (var (candidate, factor) in Candidates(word, allowPrefix || sequence.Length == 1))
            {
                foreach (var posting in postings[candidate])
                {
                    var score = posting.Weight * factor;
                    if (!wordScores.TryGetValue(posting.Document, out var current) || current.Score < score)
                    {
                        wordScores[posting.Document] = (score, candidate);
                    }
                }
            }

            if (sequenceScores is null)
            {
                sequenceScores = wordScores.ToDictionary(pair => pair.Key, pair => pair.Value.Score);
                foreach (var (doc, value) in wordScores)
                {
                    sequenceWords[doc] = [value.Word];
                }
            }
            else
            {
                foreach (var doc in sequenceScores.Keys.ToList())
                {
                    if (wordScores.TryGetValue(doc, out var value))
                    {
                        sequenceScores[doc] += value.Score;
                        sequenceWords[doc].Add(value.Word);
                    }
                    else
                    {
                        sequenceScores.Remove(doc);
                    }
                }
            }
        }

        foreach (var (doc, score) in sequenceScores ?? [])
        {
            var normalised = score / sequence.Length;
            if (!best.TryGetValue(doc, out var current) || current < normalised)
            {
                best[doc] = normalised;
                bestWords[doc] = sequenceWords[doc];
            }
        }
    }

    /// <summary>Index words matching <paramref name="word"/>: itself, words it begins, and words one typo away.</summary>
    private IEnumerable<(string Word, double Factor)> Candidates(string word, bool allowPrefix)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (postings.ContainsKey(word) && seen.Add(word))
        {
            yield return (word, 1.0);
        }

        if (allowPrefix)
        {
            var start = Array.BinarySearch(vocabulary, word, StringComparer.Ordinal);
            for (var i = start < 0 ? ~start : start; i < vocabulary.Length && vocabulary[i].StartsWith(word, StringComparison.Ordinal); i++)
            {
                if (seen.Add(vocabulary[i]))
                {
                    yield return (vocabulary[i], PrefixFactor);
                }
            }
        }

        if (word.Length >= TypoMinimumLength)
        {
            foreach (var candidate in OneEditAway(word).Where(seen.Add))
            {
                yield return (candidate, TypoFactor);
            }
        }
    }

    /// <summary>Vocabulary words within one insertion, deletion, substitution or transposition (symmetric deletes).</summary>
    private HashSet<string> OneEditAway(string word)
    {
        var keys = Deletes(word).Append(word);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (deletions.TryGetValue(key, out var words))
            {
                found.UnionWith(words.Where(candidate => candidate != word && IsOneEdit(word, candidate)));
            }

            if (key != word && postings.ContainsKey(key))
            {
                found.Add(key);
            }
        }

        return found;
    }

    private string? Suggest(List<string> words)
    {
        var corrected = words.Select(word => postings.ContainsKey(word) ? word
            : vocabulary.Where(candidate => Math.Abs(candidate.Length - word.Length) <= 2)
                .Select(candidate => (candidate, distance: Distance(word, candidate)))
                .Where(pair => pair.distance <= 2)
                .OrderBy(pair => pair.distance).ThenByDescending(pair => postings[pair.candidate].Length)
                .Select(pair => pair.candidate)
                .FirstOrDefault()).ToList();
        return corrected.Any(word => word is null) || corrected.SequenceEqual(words) ? null : string.Join(' ', corrected);
    }

    private static void Add(Dictionary<string, Dictionary<int, double>> builder, int document, string text, double weight)
    {
        foreach (var word in Words(text))
        {
            if (!builder.TryGetValue(word, out var entries))
            {
                builder[word] = entries = [];
            }

            entries[document] = Math.Max(entries.GetValueOrDefault(document), weight);
        }
    }

    private static IEnumerable<string> Deletes(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            yield return string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
        }
    }

    private static bool IsOneEdit(string a, string b) => Distance(a, b) <= 1;

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transposition).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private readonly record struct Posting(int Document, double Weight);

    [GeneratedRegex(@"[a-z0-9]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^\d\.\d{6}$")]
    private static partial Regex CodePattern();
}
