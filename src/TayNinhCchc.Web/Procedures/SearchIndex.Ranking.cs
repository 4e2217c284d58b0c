using System.Runtime.InteropServices;

namespace TayNinhCchc.Web.Procedures;

/// <summary>Ranking: the bonus for query words that stand together in a name, and the final order of the scored documents.</summary>
public sealed partial class SearchIndex
{
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
}
