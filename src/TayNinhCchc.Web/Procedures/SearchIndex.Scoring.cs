namespace TayNinhCchc.Web.Procedures;

/// <summary>Scoring: which documents match the concepts (all of them, or failing that some), and each one's score, reading postings or looking documents up, whichever costs less.</summary>
public sealed partial class SearchIndex
{
    /// <summary>
    /// Scores every document matching all concepts but the soft ones (which only add to a score) into
    /// <see cref="Scratch.Total"/>, the documents listed in
    /// <see cref="Scratch.Alive"/>; returns how many. The cheapest concept is read from the postings first; each of
    /// the others is then read from the postings too, or looked up in the postings of just the documents still in,
    /// whichever costs less. Concept scores still add up in query order, so equal scores stay exactly equal.
    /// </summary>
    private int Score(List<QueryWord[][]> concepts, bool[] soft, Scratch scratch)
    {
        var alive = 0;
        var cheapestFirst = Enumerable.Range(0, concepts.Count).Where(c => !soft[c]).OrderBy(c => ScanCost(concepts[c])).ToArray();
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

        for (var c = 0; c < concepts.Count; c++)
        {
            if (soft[c])
            {
                ScoreSoft(concepts[c], scratch.Alive.AsSpan(0, alive), scratch, scratch.ConceptScoresFor(c));
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
    /// A soft concept's score for each of <paramref name="documents"/>, zero where the document lacks it: a filler word
    /// of a question ("cho", "ở", "gì") adds to a document holding it but does not shut out one that does not.
    /// </summary>
    private void ScoreSoft(QueryWord[][] alternatives, Span<int> documents, Scratch scratch, double[] scores)
    {
        if ((long)documents.Length * LookupCost(alternatives) < ScanCost(alternatives))
        {
            foreach (var document in documents)
            {
                scores[document] = 0;
                _ = LookUpConcept(alternatives, document, scores, null);
            }

            return;
        }

        _ = ScoreConcept(alternatives, scratch, scores, null);
        var stamp = scratch.ConceptStamp;
        foreach (var document in documents)
        {
            if (scratch.ConceptMark[document] != stamp)
            {
                scores[document] = 0;
            }
        }
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
}
