using System.Diagnostics;
using TayNinhCchc.Benchmarks;
using TayNinhCchc.Benchmarks.Catalogue;
using TayNinhCchc.Benchmarks.Search;

// Benchmark tooling for the portal; see tests/bench/README.md.
try
{
    return args.FirstOrDefault() switch
    {
        "generate" => Generate(args[1..]),
        "search" => SearchCommand.Run(args[1..]),
        "explain" => ExplainCommand.Run(args[1..]),
        "relevance" => TayNinhCchc.Benchmarks.Relevance.RelevanceCommand.Run(args[1..]),
        "load" => LoadCommand.Run(args[1..]),
        "ingest" => TayNinhCchc.Benchmarks.Ingest.IngestCommand.Run(args[1..]),
        "ingest-raw" => TayNinhCchc.Benchmarks.Ingest.RawInsertCommand.Run(args[1..]),
        "aggregate" => TayNinhCchc.Benchmarks.Aggregate.AggregateCommand.RunAsync(args[1..]).GetAwaiter().GetResult(),
        _ => Help(),
    };
}
catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or FormatException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}

static int Generate(string[] args)
{
    var options = new Arguments(args, ["no-check"]);
    var count = options.Int("count", -1);
    var outDir = options.String("out");
    if (count < 0 || outDir is null)
    {
        Console.Error.WriteLine("usage: generate --count N --out DIR [--source CONTENT_DIR] [--no-check]");
        return 2;
    }

    var stopwatch = Stopwatch.StartNew();
    CatalogueGenerator.Generate(count, outDir, options.String("source") ?? RepoPaths.Content);
    Console.WriteLine($"Wrote {count:N0} synthetic procedures to {Path.GetFullPath(outDir)} in {stopwatch.Elapsed.TotalSeconds:F1} s");
    if (options.Has("no-check"))
    {
        return 0;
    }

    // Same loader as the site and as `check-content`: the catalogue must load with no problem.
    var loaded = LoadedCatalogue.Load(outDir);
    foreach (var problem in loaded.Snapshot.Problems.Take(20))
    {
        Console.WriteLine(problem);
    }

    Console.WriteLine($"Loaded back: {loaded.Snapshot.Procedures.All.Count:N0} procedures, {loaded.Snapshot.Problems.Count} problems ({loaded.LoadTime.TotalMilliseconds:N0} ms)");
    return loaded.Snapshot.Problems.Count == 0 && loaded.Snapshot.Procedures.All.Count == count ? 0 : 1;
}

static int Help()
{
    Console.WriteLine("""
        TayNinhCchc.Benchmarks — benchmark tooling (run in Release).

          generate --count N --out DIR [--source CONTENT_DIR] [--no-check]
              Writes a synthetic content folder: copies co-quan.yml and tu-dong-nghia.yml from the repository's
              content/ (or CONTENT_DIR) and writes N procedures DIR/thu-tuc/<code>.md, then loads it back with the
              portal's loader and prints the problem count (0 expected).

          search [--sizes 2500,25000] [--dir WORKDIR] [--budget SECONDS] [--quick] [--no-bdn]
              Search latency of the portal's SearchIndex against a naive fold-and-scan baseline on 50 fixed queries:
              a Stopwatch pass (per-query median and p99) and BenchmarkDotNet (mean/median per query, allocations).
              Catalogues are generated under WORKDIR (default: $TMPDIR/tayninhcchc-bench) and reused.

          relevance [--content CONTENT_DIR] [--misses] [--rounds N]
              The judged query set tests/relevance/queries.yml through the portal's index, Lucene.Net 4.8 (same
              folding and synonyms) and the naive scan: success@1, success@3, MRR, zero-result rate, overall and per
              kind, beside the floors of tests/relevance/floors.yml (exit 1 below them); latency per query.

          explain --dir CONTENT_DIR --q QUERY [--top N]
              One query through the index and the baseline: hit counts, top hits with matched words, median time.

          ingest --url http://127.0.0.1:PORT[,http://127.0.0.1:PORT2] [--clients 32] [--seconds 20] [--warmup 5]
              Survey ingest over HTTP: concurrent citizens open /danh-gia, fill it in and post it; prints
              acknowledged ratings/s and POST latency p50/p99. Several URLs are used round-robin (several nodes).

          ingest-raw [--seconds 10] [--synchronous FULL]
              The baseline: raw Microsoft.Data.Sqlite prepared inserts of a rating + 8 answers into the portal's
              schema, one transaction per rating, WAL + the given synchronous level.

          load --dir CONTENT_DIR
              Where content load (start-up) time goes: the portal's full load, then reading files, YAML, Markdown
              and the search index each timed alone on the same files.

          aggregate [--ratings 1000000] [--dir WORKDIR] [--budget SECONDS] [--fresh]
              Builds (or reuses) WORKDIR/ratings-N.db with the portal's migrations, N ratings with their answers and
              matching tallies, checks that the tallies and a naive GROUP BY over the raw rows give the same figures,
              then times the ranking page's and an agency page's reads both ways (p50/p99, ratio).
        """);
    return 0;
}
