using Microsoft.Extensions.ObjectPool;

namespace TayNinhCchc.Web.Procedures;

/// <summary>Per-query working memory, pooled.</summary>
public sealed partial class SearchIndex
{
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
