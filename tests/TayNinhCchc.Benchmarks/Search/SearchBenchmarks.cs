using BenchmarkDotNet.Attributes;
using TayNinhCchc.Web.Procedures;

namespace TayNinhCchc.Benchmarks.Search;

/// <summary>
/// BenchmarkDotNet: one invocation runs the 50 queries once; <c>OperationsPerInvoke = 50</c> makes every reported
/// time a time per query (the mean over the 50 queries, not a per-query distribution).
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    public const int QueriesPerInvoke = 50;

    private string[] queries = [];
    private SearchIndex index = null!;
    private NaiveSearch naive = null!;

    public static IEnumerable<int> Sizes => SearchWorkload.Sizes;

    [ParamsSource(nameof(Sizes))]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        queries = BenchmarkQueries.Texts;
        if (queries.Length != QueriesPerInvoke)
        {
            throw new InvalidOperationException($"Expected {QueriesPerInvoke} queries, found {queries.Length}.");
        }

        var (catalogue, baseline) = SearchWorkload.Get(Size);
        index = catalogue.Index;
        naive = baseline;
    }

    /// <summary>The portal's search index, as <c>/thu-tuc?q=</c> calls it (no limit: the page pages the hits).</summary>
    [Benchmark(OperationsPerInvoke = QueriesPerInvoke)]
    public int Index()
    {
        var hits = 0;
        foreach (var query in queries)
        {
            hits += index.Search(query).Hits.Count;
        }

        return hits;
    }

    /// <summary>Fold-and-scan baseline over the same documents.</summary>
    [Benchmark(OperationsPerInvoke = QueriesPerInvoke, Baseline = true)]
    public int Naive()
    {
        var hits = 0;
        foreach (var query in queries)
        {
            hits += naive.Count(query);
        }

        return hits;
    }
}
