using TayNinhCchc.Benchmarks.Catalogue;

namespace TayNinhCchc.Benchmarks.Search;

/// <summary>The loaded catalogues of one run, by size, shared by the percentile pass and BenchmarkDotNet (in-process).</summary>
internal static class SearchWorkload
{
    private static readonly Dictionary<int, (LoadedCatalogue Catalogue, NaiveSearch Naive)> Loaded = [];

    public static IReadOnlyList<int> Sizes { get; private set; } = [];

    public static void Add(int size, LoadedCatalogue catalogue, NaiveSearch naive)
    {
        Loaded[size] = (catalogue, naive);
        Sizes = [.. Loaded.Keys.Order()];
    }

    public static (LoadedCatalogue Catalogue, NaiveSearch Naive) Get(int size) =>
        Loaded.TryGetValue(size, out var entry)
            ? entry
            : throw new InvalidOperationException($"Catalogue of {size} not loaded: run the benchmark through the 'search' command.");
}
