using System.Collections.Frozen;
using System.Runtime.InteropServices;
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
    private readonly FrozenDictionary<string, int> byCode;
    private readonly ObjectPool<Scratch> scratchPool;

    public SearchIndex(IEnumerable<SearchDocument> documents, IEnumerable<SynonymGroup> synonymGroups, IEnumerable<string> stopWords)
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
            var count = Score(concepts, scratch);
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

    /// <summary>
    /// The query as concepts, each a list of alternative word sequences; a synonym rule's own words come first. Words
    /// outside a synonym may be unfinished (prefix), as may a synonym phrase of one word.
    /// </summary>
    private List<QueryWord[][]> Concepts(List<string> words)
    {
        var concepts = new List<QueryWord[][]>();
        for (var i = 0; i < words.Count;)
        {
            var rule = synonyms.FirstOrDefault(candidate => StartsWith(words, i, candidate.Words));
            if (rule.Words is { } ruleWords)
            {
                concepts.Add([.. new[] { ruleWords }.Concat(rule.Alternatives).Select(sequence => sequence.Select(word => Lookup(word, allowPrefix: sequence.Length == 1)).ToArray())]);
                i += ruleWords.Length;
            }
            else
            {
                concepts.Add([[Lookup(words[i], allowPrefix: true)]]);
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

    /// <summary>
    /// Index terms matching <paramref name="word"/>, in order of preference: itself, the terms it begins, the terms
    /// one typo away. Among equally scored terms in a document the first one listed is the one reported as matched.
    /// </summary>
    private QueryWord Lookup(string word, bool allowPrefix)
    {
        var exact = termIds.GetValueOrDefault(word, -1);
        var candidates = new List<Candidate>();
        if (exact >= 0)
        {
            candidates.Add(new Candidate(exact, 1.0));
        }

        var (prefixStart, prefixEnd) = (0, 0);
        if (allowPrefix)
        {
            // '{' sorts right after 'z' (terms are [a-z0-9]), so word + '{' bounds the terms that start with word.
            prefixStart = LowerBound(word);
            prefixEnd = LowerBound(word + '{');
            for (var id = prefixStart; id < prefixEnd; id++)
            {
                if (id != exact)
                {
                    candidates.Add(new Candidate(id, PrefixFactor));
                }
            }
        }

        var firstTypo = candidates.Count;
        void AddTypo(int id)
        {
            if (id == exact || (id >= prefixStart && id < prefixEnd))
            {
                return;
            }

            for (var i = firstTypo; i < candidates.Count; i++)
            {
                if (candidates[i].Term == id)
                {
                    return;
                }
            }

            candidates.Add(new Candidate(id, TypoFactor));
        }

        if (SyllableKey.Of(word) is { } key && soundAlikes.TryGetValue(key, out var alike))
        {
            foreach (var id in alike)
            {
                AddTypo(id);
            }
        }

        if (word.Length >= TypoMinimumLength || (word.Length >= UnknownTypoMinimumLength && exact < 0))
        {
            var deleted = word.Length <= 256 ? stackalloc char[word.Length - 1] : new char[word.Length - 1];
            for (var i = 0; i < word.Length; i++)
            {
                word.AsSpan(0, i).CopyTo(deleted);
                word.AsSpan(i + 1).CopyTo(deleted[i..]);
                foreach (var id in deletionsBySpan.TryGetValue(deleted, out var ids) ? ids : [])
                {
                    if (id != exact && IsOneEdit(word, terms[id]))
                    {
                        AddTypo(id);
                    }
                }

                if (termIdsBySpan.TryGetValue(deleted, out var shorter))
                {
                    AddTypo(shorter);
                }
            }

            foreach (var id in deletions.GetValueOrDefault(word, []))
            {
                if (id != exact && IsOneEdit(word, terms[id]))
                {
                    AddTypo(id);
                }
            }
        }

        return new QueryWord(word, candidates.ToArray(), candidates.Sum(candidate => postingStarts[candidate.Term + 1] - postingStarts[candidate.Term]));
    }

    private int LowerBound(string word)
    {
        var index = Array.BinarySearch(terms, word, StringComparer.Ordinal);
        return index < 0 ? ~index : index;
    }

    /// <summary>
    /// Scores every document matching all concepts into <see cref="Scratch.Total"/>, the documents listed in
    /// <see cref="Scratch.Alive"/>; returns how many. The cheapest concept is read from the postings first; each of
    /// the others is then read from the postings too, or looked up in the postings of just the documents still in,
    /// whichever costs less. Concept scores still add up in query order, so equal scores stay exactly equal.
    /// </summary>
    private int Score(List<QueryWord[][]> concepts, Scratch scratch)
    {
        var alive = 0;
        var cheapestFirst = Enumerable.Range(0, concepts.Count).OrderBy(c => ScanCost(concepts[c])).ToArray();
        for (var step = 0; step < cheapestFirst.Length; step++)
        {
            var c = cheapestFirst[step];
            var alternatives = concepts[c];
            var scores = scratch.ConceptScoresFor(c);
            var alternativeOf = alternatives.Length > 1 ? scratch.AlternativesFor(c) : null;
            if (step == 0)
            {
                alive = ScoreConcept(alternatives, scratch, scores, alternativeOf);
                scratch.ConceptDocuments.AsSpan(0, alive).CopyTo(scratch.Alive);
            }
            else if ((long)alive * LookupCost(alternatives) < ScanCost(alternatives))
            {
                alive = Keep(scratch.Alive.AsSpan(0, alive), document => LookUpConcept(alternatives, document, scores, alternativeOf));
            }
            else
            {
                _ = ScoreConcept(alternatives, scratch, scores, alternativeOf);
                var stamp = scratch.ConceptStamp;
                alive = Keep(scratch.Alive.AsSpan(0, alive), document => scratch.ConceptMark[document] == stamp);
            }

            if (alive == 0)
            {
                return 0;
            }
        }

        for (var i = 0; i < alive; i++)
        {
            var document = scratch.Alive[i];
            var total = 0.0;
            for (var c = 0; c < concepts.Count; c++)
            {
                total += scratch.ConceptScoresFor(c)[document];
            }

            scratch.Total[document] = total;
        }

        return alive;
    }

    /// <summary>
    /// When no document holds every concept: every document holding some, ranked by how many (a tier each), then by
    /// score. Concept scores add up in query order, as in <see cref="Score"/>.
    /// </summary>
    private int ScorePartial(List<QueryWord[][]> concepts, Scratch scratch)
    {
        var stamp = scratch.NewStamp();
        var alive = 0;
        for (var c = 0; c < concepts.Count; c++)
        {
            var scores = scratch.ConceptScoresFor(c);
            var alternativeOf = concepts[c].Length > 1 ? scratch.AlternativesFor(c) : null;

            // A document missing a concept reads as its first alternative (for the name phrase bonus), not as
            // whatever an earlier query left there.
            for (var i = 0; i < alive && alternativeOf is not null; i++)
            {
                alternativeOf[scratch.Alive[i]] = 0;
            }

            var found = ScoreConcept(concepts[c], scratch, scores, alternativeOf);
            for (var i = 0; i < found; i++)
            {
                var document = scratch.ConceptDocuments[i];
                if (scratch.PartialMark[document] != stamp)
                {
                    scratch.PartialMark[document] = stamp;
                    scratch.Total[document] = 0;
                    scratch.Alive[alive++] = document;
                    for (var earlier = 0; earlier < c; earlier++)
                    {
                        if (concepts[earlier].Length > 1)
                        {
                            scratch.AlternativesFor(earlier)[document] = 0;
                        }
                    }
                }

                scratch.Total[document] += PartialTier + scores[document];
            }
        }

        return alive;
    }

    /// <summary>How many words the adjacent pairs of query words found in the folded name cover (a pair: two).</summary>
    private int PairsInName(int document, string[] pairs)
    {
        var found = 0;
        foreach (var pair in pairs)
        {
            found += foldedNames[document].Contains(pair, StringComparison.Ordinal) ? 1 : 0;
        }

        return found == 0 ? 0 : found + 1;
    }

    /// <summary>Keeps, in order, the documents that pass; returns how many.</summary>
    private static int Keep(Span<int> documents, Func<int, bool> passes)
    {
        var kept = 0;
        foreach (var document in documents)
        {
            if (passes(document))
            {
                documents[kept++] = document;
            }
        }

        return kept;
    }

    /// <summary>Postings read to score a concept for every document.</summary>
    private static long ScanCost(QueryWord[][] alternatives) =>
        alternatives.Sum(sequence => sequence.Sum(word => (long)word.Cost));

    /// <summary>Work, in postings read, to score a concept for one document by binary search in each candidate's postings.</summary>
    private static long LookupCost(QueryWord[][] alternatives) =>
        alternatives.Sum(sequence => sequence.Sum(word => (long)word.Candidates.Length)) * PostingsPerLookup;

    /// <summary>
    /// A concept's score per document into <paramref name="scores"/>: its best alternative (the first one among
    /// equals), whose number goes into <paramref name="alternativeOf"/> when the concept has several. The documents
    /// scored are the first (returned) count of <see cref="Scratch.ConceptDocuments"/>.
    /// </summary>
    private int ScoreConcept(QueryWord[][] alternatives, Scratch scratch, double[] scores, int[]? alternativeOf)
    {
        var stamp = scratch.ConceptStamp = scratch.NewStamp();
        var count = 0;
        for (var a = 0; a < alternatives.Length; a++)
        {
            var sequence = alternatives[a];
            var matches = ScoreSequence(sequence, scratch, out var documents, out var sums);
            for (var i = 0; i < matches; i++)
            {
                var document = documents[i];
                var normalised = sums[document] / sequence.Length;
                var isNew = scratch.ConceptMark[document] != stamp;
                if (isNew || scores[document] < normalised)
                {
                    scores[document] = normalised;
                    alternativeOf?[document] = a;
                }

                if (isNew)
                {
                    scratch.ConceptMark[document] = stamp;
                    scratch.ConceptDocuments[count++] = document;
                }
            }
        }

        return count;
    }

    /// <summary>One document's concept score, as <see cref="ScoreConcept"/> would give it; false if it does not match.</summary>
    private bool LookUpConcept(QueryWord[][] alternatives, int document, double[] scores, int[]? alternativeOf)
    {
        var found = false;
        for (var a = 0; a < alternatives.Length; a++)
        {
            var sum = 0.0;
            var matches = true;
            foreach (var word in alternatives[a])
            {
                var (term, score) = BestCandidate(word, document);
                matches = term >= 0;
                if (!matches)
                {
                    break;
                }

                sum += score;
            }

            var normalised = sum / alternatives[a].Length;
            if (matches && (!found || scores[document] < normalised))
            {
                scores[document] = normalised;
                alternativeOf?[document] = a;
                found = true;
            }
        }

        return found;
    }

    /// <summary>
    /// The documents containing every word of <paramref name="sequence"/> (the first count of
    /// <paramref name="documents"/>), with the sum of the words' scores in <paramref name="sums"/>. When one word is
    /// rare, its documents are read from the postings and the other words looked up for just those.
    /// </summary>
    private int ScoreSequence(QueryWord[] sequence, Scratch scratch, out int[] documents, out double[] sums)
    {
        (documents, sums) = (scratch.SequenceDocuments, scratch.SequenceSum);
        var rarest = 0;
        for (var w = 1; w < sequence.Length; w++)
        {
            rarest = sequence[w].Cost < sequence[rarest].Cost ? w : rarest;
        }

        var othersScan = sequence.Sum(word => (long)word.Cost) - sequence[rarest].Cost;
        var othersLookup = (sequence.Sum(word => (long)word.Candidates.Length) - sequence[rarest].Candidates.Length) * PostingsPerLookup;
        if (sequence.Length > 1 && (long)sequence[rarest].Cost * othersLookup < othersScan)
        {
            var found = ScoreWord(sequence[rarest], scratch);
            var kept = 0;
            for (var i = 0; i < found; i++)
            {
                var document = scratch.WordDocuments[i];
                if (SumAt(sequence, document, rarest, scratch.WordScore[document]) is { } sum)
                {
                    scratch.SequenceSum[document] = sum;
                    scratch.SequenceDocuments[kept++] = document;
                }
            }

            return kept;
        }

        var count = ScoreWord(sequence[0], scratch);
        if (sequence.Length == 1)
        {
            (documents, sums) = (scratch.WordDocuments, scratch.WordScore);
            return count;
        }

        for (var i = 0; i < count; i++)
        {
            var document = scratch.WordDocuments[i];
            scratch.SequenceDocuments[i] = document;
            scratch.SequenceSum[document] = scratch.WordScore[document];
        }

        for (var w = 1; w < sequence.Length && count > 0; w++)
        {
            _ = ScoreWord(sequence[w], scratch);
            var kept = 0;
            for (var i = 0; i < count; i++)
            {
                var document = scratch.SequenceDocuments[i];
                if (scratch.WordMark[document] == scratch.WordStamp)
                {
                    scratch.SequenceSum[document] += scratch.WordScore[document];
                    scratch.SequenceDocuments[kept++] = document;
                }
            }

            count = kept;
        }

        return count;
    }

    /// <summary>The sum of the sequence's word scores in one document, in word order; null if a word is missing.</summary>
    private double? SumAt(QueryWord[] sequence, int document, int known, double knownScore)
    {
        var sum = 0.0;
        for (var w = 0; w < sequence.Length; w++)
        {
            var (term, score) = w == known ? (0, knownScore) : BestCandidate(sequence[w], document);
            if (term < 0)
            {
                return null;
            }

            sum += score;
        }

        return sum;
    }

    /// <summary>A word's score per document: its best candidate term there, weighted by field and kind of match.</summary>
    private int ScoreWord(QueryWord word, Scratch scratch)
    {
        var stamp = scratch.WordStamp = scratch.NewStamp();
        var marks = scratch.WordMark;
        var scores = scratch.WordScore;
        var matched = scratch.WordDocuments;
        var count = 0;
        foreach (var candidate in word.Candidates)
        {
            foreach (var posting in postings.AsSpan(postingStarts[candidate.Term], postingStarts[candidate.Term + 1] - postingStarts[candidate.Term]))
            {
                var document = posting >> FieldBits;
                var score = FieldWeights[posting & ((1 << FieldBits) - 1)] * candidate.Factor;
                if (marks[document] != stamp)
                {
                    marks[document] = stamp;
                    scores[document] = score;
                    matched[count++] = document;
                }
                else if (scores[document] < score)
                {
                    scores[document] = score;
                }
            }
        }

        return count;
    }

    /// <summary>
    /// How many words of the query the folded name holds as one phrase, for a bonus of a name match per word: the
    /// query as typed, or as the synonym phrases that matched this document best. So "so do" also finds "giấy chứng
    /// nhận quyền sử dụng đất" as a phrase, ahead of names that merely contain "số" and "do", while a name holding
    /// only "sở do" does not match a query of the seven official words as well as one holding them all.
    /// </summary>
    private int PhraseWordsInName(int document, string phrase, int phraseLength, List<QueryWord[][]> concepts, Scratch scratch)
    {
        var name = foldedNames[document];
        var found = name.Contains(phrase, StringComparison.Ordinal) ? phraseLength : 0;
        var rewritten = false;
        for (var c = 0; c < concepts.Count && !rewritten; c++)
        {
            rewritten = concepts[c].Length > 1 && scratch.AlternativesFor(c)[document] != 0;
        }

        if (!rewritten)
        {
            return found;
        }

        var text = scratch.Phrase;
        text.Clear();
        var length = 0;
        for (var c = 0; c < concepts.Count; c++)
        {
            foreach (var word in concepts[c][concepts[c].Length > 1 ? scratch.AlternativesFor(c)[document] : 0])
            {
                if (length++ > 0)
                {
                    text.Add(' ');
                }

                text.AddRange(word.Text);
            }
        }

        return length > found && name.AsSpan().Contains(CollectionsMarshal.AsSpan(text), StringComparison.Ordinal) ? length : found;
    }

    /// <summary>
    /// The best <paramref name="limit"/> of the scored documents, best first. A counting sort rather than a
    /// comparison sort: a query's scores take few distinct values, and equal scores go by tie rank, so walking the
    /// documents in tie rank order and dealing each into its score's slots orders thousands of hits in linear time.
    /// </summary>
    private RankedHits Order(Scratch scratch, int count, int limit)
    {
        var stamp = scratch.NewStamp();
        var bucketOf = scratch.BucketOf;
        var bucketScores = scratch.BucketScores;
        var bucketSizes = scratch.BucketSizes;
        bucketOf.Clear();
        bucketScores.Clear();
        bucketSizes.Clear();
        for (var i = 0; i < count; i++)
        {
            var document = scratch.Alive[i];
            ref var bucket = ref CollectionsMarshal.GetValueRefOrAddDefault(bucketOf, scratch.Total[document], out var exists);
            if (!exists)
            {
                bucket = bucketScores.Count;
                bucketScores.Add(scratch.Total[document]);
                bucketSizes.Add(0);
            }

            bucketSizes[bucket]++;
            scratch.Bucket[document] = bucket;
            scratch.RankMark[tieRanks[document]] = stamp;
        }

        var ranked = new int[Math.Min(count, limit)];
        var bestFirst = Enumerable.Range(0, bucketScores.Count).OrderByDescending(bucket => bucketScores[bucket]).ToArray();
        var next = new int[bucketScores.Count];
        var end = new int[bucketScores.Count];
        var runEnds = new List<int>();
        var runScores = new List<double>();
        var position = 0;
        foreach (var bucket in bestFirst)
        {
            next[bucket] = Math.Min(position, ranked.Length);
            position += bucketSizes[bucket];
            end[bucket] = Math.Min(position, ranked.Length);
            if (next[bucket] < end[bucket])
            {
                runEnds.Add(end[bucket]);
                runScores.Add(bucketScores[bucket]);
            }
        }

        for (var (rank, placed) = (0, 0); placed < ranked.Length; rank++)
        {
            if (scratch.RankMark[rank] != stamp)
            {
                continue;
            }

            var document = byTieRank[rank];
            var bucket = scratch.Bucket[document];
            if (next[bucket] < end[bucket])
            {
                ranked[next[bucket]++] = document;
                placed++;
            }
        }

        return new RankedHits(documents, ranked, [.. runEnds], [.. runScores]);
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

    [GeneratedRegex(@"[a-z0-9]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^\d\.\d{6}$")]
    private static partial Regex CodePattern();

    private readonly record struct Candidate(int Term, double Factor);

    /// <summary>A query word's candidate terms, and <see cref="Cost"/>: their postings, all read to score the word.</summary>
    private sealed record QueryWord(string Text, Candidate[] Candidates, int Cost);

    /// <summary>
    /// Per-query working arrays indexed by document, pooled so a query allocates nothing in proportion to the
    /// catalogue. Marks hold the stamp of the pass that set them, which spares clearing the arrays between passes.
    /// </summary>
    private sealed class Scratch(int size)
    {
        private readonly List<int[]?> alternatives = [];
        private readonly List<double[]?> conceptScores = [];
        private int stamp;

        public double[] WordScore { get; } = new double[size];

        public int[] WordMark { get; } = new int[size];

        public int[] WordDocuments { get; } = new int[size];

        public int WordStamp { get; set; }

        public double[] SequenceSum { get; } = new double[size];

        public int[] SequenceDocuments { get; } = new int[size];

        public int[] ConceptMark { get; } = new int[size];

        public int[] ConceptDocuments { get; } = new int[size];

        public int ConceptStamp { get; set; }

        public double[] Total { get; } = new double[size];

        public int[] Alive { get; } = new int[size];

        public int[] Bucket { get; } = new int[size];

        public int[] RankMark { get; } = new int[size];

        public int[] PartialMark { get; } = new int[size];

        public Dictionary<double, int> BucketOf { get; } = [];

        public List<double> BucketScores { get; } = [];

        public List<int> BucketSizes { get; } = [];

        public List<char> Phrase { get; } = [];

        /// <summary>Concept <paramref name="concept"/>'s score per document, kept apart to be added up in query order.</summary>
        public double[] ConceptScoresFor(int concept) => PerConcept(conceptScores, concept);

        /// <summary>Which alternative of concept <paramref name="concept"/> scored best, per document.</summary>
        public int[] AlternativesFor(int concept) => PerConcept(alternatives, concept);

        public int NewStamp() => ++stamp;

        private T[] PerConcept<T>(List<T[]?> arrays, int concept)
        {
            while (arrays.Count <= concept)
            {
                arrays.Add(null);
            }

            return arrays[concept] ??= new T[size];
        }

        /// <summary>
        /// Clears the marks before the stamps could run out: here, between queries, never in the middle of one,
        /// whose passes would lose what they marked.
        /// </summary>
        public void StartQuery()
        {
            if (stamp > int.MaxValue / 2)
            {
                Array.Clear(WordMark);
                Array.Clear(ConceptMark);
                Array.Clear(RankMark);
                Array.Clear(PartialMark);
                stamp = 0;
            }
        }
    }

    private sealed class ScratchPolicy(int size) : PooledObjectPolicy<Scratch>
    {
        public override Scratch Create() => new(size);

        public override bool Return(Scratch obj) => true;
    }
}
