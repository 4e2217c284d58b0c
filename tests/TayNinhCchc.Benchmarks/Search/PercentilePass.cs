using System.Diagnostics;
using TayNinhCchc.Benchmarks.Catalogue;

namespace TayNinhCchc.Benchmarks.Search;

/// <summary>Latency distribution of one engine over every (query, round) sample, in microseconds.</summary>
internal sealed record EngineLatency(
    string Engine,
    double[][] SamplesByQuery,
    int[] HitsByQuery)
{
    public IEnumerable<double> AllSamples => SamplesByQuery.SelectMany(samples => samples);

    public double Median => Percentiles.Of(AllSamples, 50);

    public double P99 => Percentiles.Of(AllSamples, 99);

    public double Max => AllSamples.Max();

    public double QueryMedian(int query) => Percentiles.Of(SamplesByQuery[query], 50);

    public double QueryP99(int query) => Percentiles.Of(SamplesByQuery[query], 99);
}

/// <summary>One size's result of the Stopwatch pass.</summary>
internal sealed record PercentileResult(int Size, int Rounds, EngineLatency Index, EngineLatency Naive);

/// <summary>Nearest-rank percentiles.</summary>
internal static class Percentiles
{
    public static double Of(IEnumerable<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>
/// The quick pass that gives per-query percentiles (BenchmarkDotNet reports means per invocation of all 50 queries):
/// each query is timed on its own with <see cref="Stopwatch.GetTimestamp"/>, after a warm-up long enough for tiered
/// JIT to settle. A round runs the 50 queries through the index, then the same 50 through the baseline, so both see
/// the same machine noise.
/// </summary>
internal static class PercentilePass
{
    public static PercentileResult Run(int size, LoadedCatalogue catalogue, NaiveSearch naive, TimeSpan budget, int minRounds, TextWriter log)
    {
        var queries = BenchmarkQueries.Texts;
        var index = catalogue.Index;

        // Warm-up: at least 3 s or 60 rounds of each engine, whichever comes first after 5 rounds.
        var warm = Stopwatch.StartNew();
        for (var round = 0; round < 60 && (round < 5 || warm.Elapsed < TimeSpan.FromSeconds(3)); round++)
        {
            foreach (var query in queries)
            {
                _ = index.Search(query);
                _ = naive.Count(query);
            }
        }

        // Pilot round to size the run to the budget.
        var pilot = Stopwatch.StartNew();
        foreach (var query in queries)
        {
            _ = index.Search(query);
            _ = naive.Count(query);
        }

        pilot.Stop();
        var rounds = (int)Math.Clamp(budget.TotalSeconds / Math.Max(pilot.Elapsed.TotalSeconds, 1e-6), minRounds, 2000);
        log.WriteLine($"  {size:N0}: warm-up {warm.Elapsed.TotalSeconds:F1} s, measuring {rounds} rounds x {queries.Length} queries per engine");

        var indexSamples = queries.Select(_ => new double[rounds]).ToArray();
        var naiveSamples = queries.Select(_ => new double[rounds]).ToArray();
        var indexHits = new int[queries.Length];
        var naiveHits = new int[queries.Length];
        for (var round = 0; round < rounds; round++)
        {
            for (var q = 0; q < queries.Length; q++)
            {
                var start = Stopwatch.GetTimestamp();
                var result = index.Search(queries[q]);
                indexSamples[q][round] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                indexHits[q] = result.Hits.Count;
            }

            for (var q = 0; q < queries.Length; q++)
            {
                var start = Stopwatch.GetTimestamp();
                var count = naive.Count(queries[q]);
                naiveSamples[q][round] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                naiveHits[q] = count;
            }
        }

        return new PercentileResult(size, rounds, new EngineLatency("index", indexSamples, indexHits), new EngineLatency("naive", naiveSamples, naiveHits));
    }
}
