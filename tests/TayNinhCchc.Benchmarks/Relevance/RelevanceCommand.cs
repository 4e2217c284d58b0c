using System.Diagnostics;
using TayNinhCchc.Benchmarks.Catalogue;
using TayNinhCchc.Benchmarks.Search;
using TayNinhCchc.Relevance;

namespace TayNinhCchc.Benchmarks.Relevance;

/// <summary>
/// The judged query set (<c>tests/relevance/queries.yml</c>) through the portal's search over the shipped content,
/// loaded as the site loads it, beside the naive scan (and Lucene.Net, see <see cref="LuceneSearch"/>): success@1,
/// success@3, MRR and zero-result rate, overall and per kind of query, and the committed floors.
/// </summary>
internal static class RelevanceCommand
{
    private const int Depth = 50;

    public static int Run(string[] args)
    {
        var options = new Arguments(args, ["misses"]);
        var content = options.String("content") ?? RepoPaths.Content;
        var queriesFile = Path.Combine(RepoPaths.Root, "tests", "relevance", "queries.yml");
        var queries = RelevanceJudgement.Load(queriesFile);
        var floors = RelevanceJudgement.LoadFloors(Path.Combine(RepoPaths.Root, "tests", "relevance", "floors.yml"));
        var catalogue = LoadedCatalogue.Load(content);
        var naive = new NaiveSearch(catalogue.Documents);
        var stopwatch = Stopwatch.StartNew();
        using var lucene = new LuceneSearch(catalogue.Documents, Path.Combine(content, "tu-dong-nghia.yml"));
        var luceneBuild = stopwatch.Elapsed;
        Console.WriteLine($"{catalogue.Snapshot.Procedures.All.Count} procedures from {content}; {queries.Count} judged queries from {queriesFile}");
        Console.WriteLine($"Lucene.Net index built in {luceneBuild.TotalMilliseconds:N0} ms");

        var engines = new (string Name, Func<string, IReadOnlyList<string>> Search)[]
        {
            ("index", query => catalogue.Index.Search(query, Depth).Hits.Select(hit => hit.Key).ToList()),
            ("lucene", query => lucene.Search(query, Depth)),
            ("naive", naive.Matches),
        };

        Console.WriteLine();
        Console.WriteLine(RelevanceFigures.Header);
        foreach (var (name, search) in engines)
        {
            Console.WriteLine(RelevanceJudgement.Score(queries, search).Row($"{name} (all)"));
        }

        Console.WriteLine(floors.Row("floor (tests/relevance)") + "  (zero: ceiling)");
        foreach (var kind in queries.Select(query => query.Kind).Distinct())
        {
            Console.WriteLine();
            Console.WriteLine($"kind: {kind}");
            var ofKind = queries.Where(query => query.Kind == kind).ToList();
            foreach (var (name, search) in engines)
            {
                Console.WriteLine(RelevanceJudgement.Score(ofKind, search).Row($"  {name}"));
            }
        }

        // Latency of each engine on the judged queries (all hits the page would get: no limit for the index, as /thu-tuc
        // calls it; Lucene's top Depth). Same machine, same run: compare ratios.
        Console.WriteLine();
        Console.WriteLine($"{"latency per query",-28} {"median ms",10} {"p99 ms",10}");
        var timed = new (string Name, Action<string> Run)[]
        {
            ("index", query => _ = catalogue.Index.Search(query).Hits.Count),
            ("lucene", query => _ = lucene.Search(query, Depth)),
            ("naive", query => _ = naive.Count(query)),
        };
        foreach (var (name, run) in timed)
        {
            var samples = new List<double>();
            for (var round = 0; round < options.Int("rounds", 5); round++)
            {
                foreach (var query in queries)
                {
                    var start = Stopwatch.GetTimestamp();
                    run(query.Query);
                    samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }

            samples.Sort();
            Console.WriteLine($"{name,-28} {samples[samples.Count / 2],10:F3} {samples[(int)(samples.Count * 0.99)],10:F3}");
        }

        if (options.Has("misses"))
        {
            Console.WriteLine();
            Console.WriteLine("index: queries not meeting their 'must' (rank 0 = not found)");
            _ = RelevanceJudgement.Score(queries, engines[0].Search, (query, rank) =>
            {
                var top = catalogue.Index.Search(query.Query, 3).Hits.Select(hit => $"{hit.Key} {catalogue.Snapshot.Procedures.ByCode[hit.Key].Name}");
                Console.WriteLine($"  [{query.Must}] rank {rank}: \"{query.Query}\" → want {string.Join(',', query.Expect)}; got {string.Join(" | ", top)}");
            });
        }

        var ours = RelevanceJudgement.Score(queries, engines[0].Search);
        var meets = ours.SuccessAt1 >= floors.SuccessAt1 && ours.SuccessAt3 >= floors.SuccessAt3 && ours.Mrr >= floors.Mrr && ours.ZeroRate <= floors.ZeroRate;
        Console.WriteLine();
        Console.WriteLine(meets ? "index meets the committed floors" : "index is BELOW the committed floors");
        return meets ? 0 : 1;
    }
}
