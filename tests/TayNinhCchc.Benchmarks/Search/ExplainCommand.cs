using System.Diagnostics;
using TayNinhCchc.Benchmarks.Catalogue;

namespace TayNinhCchc.Benchmarks.Search;

/// <summary>
/// <c>explain --dir CONTENT_DIR --q QUERY [--top N]</c>: one query through the portal's index and the naive
/// baseline, with hit counts, the top hits and their matched words, and a rough time (median of 21 runs).
/// </summary>
internal static class ExplainCommand
{
    public static int Run(string[] args)
    {
        var options = new Arguments(args, []);
        var dir = options.String("dir");
        var query = options.String("q");
        if (dir is null || query is null)
        {
            Console.Error.WriteLine("usage: explain --dir CONTENT_DIR --q QUERY [--top N]");
            return 2;
        }

        var catalogue = LoadedCatalogue.Load(dir);
        var naive = new NaiveSearch(catalogue.Documents);
        var result = catalogue.Index.Search(query);
        var times = new List<double>();
        for (var i = 0; i < 21; i++)
        {
            var start = Stopwatch.GetTimestamp();
            _ = catalogue.Index.Search(query);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }

        Console.WriteLine($"{catalogue.Snapshot.Procedures.All.Count:N0} procedures; query \"{query}\"");
        Console.WriteLine($"index: {result.Hits.Count:N0} hits (median {Percentiles.Of(times, 50):N0} µs over 21 runs), suggestion: {result.Suggestion ?? "-"}, exact code: {result.ExactCode ?? "-"}");
        Console.WriteLine($"naive: {naive.Count(query):N0} documents contain every folded query word");
        var byCode = catalogue.Snapshot.Procedures.ByCode;
        foreach (var hit in result.Hits.Take(options.Int("top", 10)))
        {
            var name = byCode.TryGetValue(hit.Key, out var procedure) ? procedure.Name : "?";
            Console.WriteLine($"  {hit.Score,8:N1}  {hit.Key}  {name}  [{string.Join(' ', result.MatchedWords(hit).Order(StringComparer.Ordinal))}]");
        }

        return 0;
    }
}
