namespace TayNinhCchc.Web.Procedures;

/// <summary>Query plan: the typed words as concepts (synonym phrases or single words), each word as its candidate index terms (itself, terms it begins, typos, sound-alike syllables).</summary>
public sealed partial class SearchIndex
{
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
}
