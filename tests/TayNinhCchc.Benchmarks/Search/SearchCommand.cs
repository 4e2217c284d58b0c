using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using TayNinhCchc.Benchmarks.Catalogue;
using TayNinhCchc.Web.Procedures;
using YamlDotNet.RepresentationModel;

namespace TayNinhCchc.Benchmarks.Search;

/// <summary>
/// <c>search [--sizes 2500,25000] [--dir DIR] [--budget SECONDS] [--quick] [--no-bdn]</c>: generates (or reuses) the
/// synthetic catalogues, loads each as the portal does, then measures the portal's <see cref="SearchIndex"/> and the
/// naive fold-and-scan baseline on the same 50 queries, twice: a Stopwatch pass for per-query median and p99, and
/// BenchmarkDotNet for mean/median time per query and allocations.
/// </summary>
internal static class SearchCommand
{
    private static readonly Dictionary<int, double> TargetP99Ms = new() { [2_500] = 1, [25_000] = 10 };

    public static int Run(string[] args)
    {
        var options = new Arguments(args, ["quick", "no-bdn"]);
        var sizes = options.Ints("sizes", [2_500, 25_000]);
        var workDir = Path.GetFullPath(options.String("dir") ?? RepoPaths.DefaultWorkDir);
        var quick = options.Has("quick");
        var budget = TimeSpan.FromSeconds(options.Int("budget", quick ? 3 : 10));
        var source = options.String("source") ?? RepoPaths.Content;
        var log = Console.Out;
        Directory.CreateDirectory(workDir);

        log.WriteLine($"Search benchmark: {BenchmarkQueries.All.Count} queries, catalogues {string.Join(", ", sizes.Select(s => s.ToString("N0", CultureInfo.InvariantCulture)))}");
        log.WriteLine($"Machine: {Environment.ProcessorCount} logical cores, .NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
        log.WriteLine();

        var builds = new Dictionary<int, (TimeSpan Load, TimeSpan IndexBuild, long IndexBytes)>();
        foreach (var size in sizes)
        {
            var dir = Path.Combine(workDir, string.Create(CultureInfo.InvariantCulture, $"catalogue-{size}"));
            if (!CatalogueGenerator.IsGenerated(dir, size, source))
            {
                var generating = Stopwatch.StartNew();
                CatalogueGenerator.Generate(size, dir, source);
                log.WriteLine($"Generated {size:N0} procedures in {dir} ({generating.Elapsed.TotalSeconds:F1} s)");
            }

            var catalogue = LoadedCatalogue.Load(dir);
            if (catalogue.Snapshot.Problems.Count > 0 || catalogue.Snapshot.Procedures.All.Count != size)
            {
                foreach (var problem in catalogue.Snapshot.Problems.Take(10))
                {
                    log.WriteLine(problem);
                }

                log.WriteLine($"Catalogue {dir}: {catalogue.Snapshot.Procedures.All.Count} procedures loaded, {catalogue.Snapshot.Problems.Count} problems; expected {size}, 0.");
                return 1;
            }

            var (indexBuild, indexBytes) = MeasureIndexBuild(catalogue);
            builds[size] = (catalogue.LoadTime, indexBuild, indexBytes);
            log.WriteLine($"Loaded {size:N0} procedures from {dir}: full content load {catalogue.LoadTime.TotalMilliseconds:N0} ms " +
                $"(search index alone: {indexBuild.TotalMilliseconds:N0} ms, ~{indexBytes / 1048576.0:N1} MB managed heap)");
            SearchWorkload.Add(size, catalogue, new NaiveSearch(catalogue.Documents));
        }

        log.WriteLine();
        log.WriteLine($"Stopwatch pass (per-query timings, ~{budget.TotalSeconds:N0} s per catalogue after warm-up):");
        var passes = new List<PercentileResult>();
        foreach (var size in sizes)
        {
            var (catalogue, naive) = SearchWorkload.Get(size);
            passes.Add(PercentilePass.Run(size, catalogue, naive, budget, minRounds: quick ? 20 : 50, log));
        }

        var csv = Path.Combine(workDir, "search-per-query.csv");
        WritePerQueryCsv(csv, passes);

        Summary? summary = null;
        if (!options.Has("no-bdn"))
        {
            log.WriteLine();
            log.WriteLine("BenchmarkDotNet (in-process; one invocation = the 50 queries, times reported per query):");
            summary = BenchmarkRunner.Run<SearchBenchmarks>(Config(Path.Combine(workDir, "BenchmarkDotNet.Artifacts"), quick));
        }

        PrintSummary(log, passes, summary, builds);
        log.WriteLine();
        log.WriteLine($"Per-query figures (median/p99 per query, hit counts): {csv}");
        if (summary is not null)
        {
            log.WriteLine($"BenchmarkDotNet reports: {summary.ResultsDirectoryPath}");
        }

        return summary is { HasCriticalValidationErrors: true } ? 1 : 0;
    }

    private static ManualConfig Config(string artifacts, bool quick)
    {
        var job = Job.Default
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(10), logOutput: true))
            .WithLaunchCount(1)
            .WithWarmupCount(quick ? 2 : 6)
            .WithIterationCount(quick ? 5 : 15)
            .WithId(quick ? "quick" : "search");
        return ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddLogger(ConsoleLogger.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.JoinSummary);
    }

    /// <summary>Builds the index alone again over the loaded documents (min of 3) and its retained managed size.</summary>
    private static (TimeSpan Time, long Bytes) MeasureIndexBuild(LoadedCatalogue catalogue)
    {
        var (synonyms, stopWords) = ReadVocabulary(Path.Combine(catalogue.Root, "tu-dong-nghia.yml"));
        var best = TimeSpan.MaxValue;
        long bytes = 0;
        for (var i = 0; i < 3; i++)
        {
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var stopwatch = Stopwatch.StartNew();
            var index = new SearchIndex(catalogue.Documents, synonyms, stopWords);
            stopwatch.Stop();
            if (i == 0)
            {
                // Only the first build: later ones may still see the previous index as live (stack slot), skewing the difference.
                bytes = GC.GetTotalMemory(forceFullCollection: true) - before;
            }

            GC.KeepAlive(index);
            best = stopwatch.Elapsed < best ? stopwatch.Elapsed : best;
        }

        return (best, bytes);
    }

    /// <summary>Reads the synonym file's two lists (the portal's own reader is internal).</summary>
    private static (List<SynonymGroup> Synonyms, List<string> StopWords) ReadVocabulary(string path)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        static IEnumerable<string> Scalars(YamlNode node) =>
            node is YamlSequenceNode sequence ? sequence.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty) : [];
        var stop = root.Children.TryGetValue(new YamlScalarNode("stop_words"), out var stopNode) ? Scalars(stopNode).ToList() : [];
        var groups = root.Children.TryGetValue(new YamlScalarNode("synonyms"), out var synonymNode) && synonymNode is YamlSequenceNode list
            ? list.OfType<YamlMappingNode>()
                .Select(group => group.Children.TryGetValue(new YamlScalarNode("phrases"), out var phrases) ? Scalars(phrases).ToList() : [])
                .Where(phrases => phrases.Count >= 2)
                .Select(phrases => new SynonymGroup(phrases))
                .ToList()
            : [];
        return (groups, stop);
    }

    private static void PrintSummary(
        TextWriter log, List<PercentileResult> passes, Summary? summary, Dictionary<int, (TimeSpan Load, TimeSpan IndexBuild, long IndexBytes)> builds)
    {
        log.WriteLine();
        log.WriteLine("=== Search: latency per query ===");
        log.WriteLine("Stopwatch pass: every query timed on its own, all (query x round) samples pooled; median and p99 in microseconds.");
        log.WriteLine();
        log.WriteLine("| catalogue | rounds | index median | index p99 | index max | naive median | naive p99 | index ÷ naive (median) | index ÷ naive (p99) | target p99 | index meets target |");
        log.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|");
        foreach (var pass in passes)
        {
            var target = TargetP99Ms.TryGetValue(pass.Size, out var ms) ? ms * 1000 : double.NaN;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {pass.Size:N0} | {pass.Rounds} | {pass.Index.Median:N1} µs | {pass.Index.P99:N1} µs | {pass.Index.Max:N0} µs | " +
                $"{pass.Naive.Median:N1} µs | {pass.Naive.P99:N1} µs | {pass.Index.Median / pass.Naive.Median:N2}× | {pass.Index.P99 / pass.Naive.P99:N2}× | " +
                $"{(double.IsNaN(target) ? "—" : $"{target / 1000:N0} ms")} | {(double.IsNaN(target) ? "—" : pass.Index.P99 <= target ? "yes" : "NO")} |"));
        }

        log.WriteLine();
        log.WriteLine("Slowest queries through the index (by per-query p99):");
        foreach (var pass in passes)
        {
            var worst = Enumerable.Range(0, BenchmarkQueries.All.Count)
                .OrderByDescending(pass.Index.QueryP99)
                .Take(5)
                .Select(q => string.Create(CultureInfo.InvariantCulture,
                    $"\"{BenchmarkQueries.All[q].Query}\" ({BenchmarkQueries.All[q].Kind}) median {pass.Index.QueryMedian(q):N0} µs, p99 {pass.Index.QueryP99(q):N0} µs, {pass.Index.HitsByQuery[q]:N0} hits"));
            log.WriteLine($"  {pass.Size:N0}: {string.Join("; ", worst)}");
        }

        log.WriteLine();
        log.WriteLine("Queries answered with no hit (index / naive):");
        foreach (var pass in passes)
        {
            var noIndex = Enumerable.Range(0, BenchmarkQueries.All.Count).Where(q => pass.Index.HitsByQuery[q] == 0).Select(q => $"\"{BenchmarkQueries.Texts[q]}\"");
            var noNaive = Enumerable.Range(0, BenchmarkQueries.All.Count).Count(q => pass.Naive.HitsByQuery[q] == 0);
            log.WriteLine($"  {pass.Size:N0}: index {string.Join(", ", noIndex)}; naive: {noNaive} of {BenchmarkQueries.All.Count} queries");
        }

        if (summary is not null)
        {
            log.WriteLine();
            log.WriteLine("BenchmarkDotNet: time per query = time of one invocation of all 50 queries / 50 (mean and median over iterations).");
            log.WriteLine();
            log.WriteLine("| catalogue | index mean | index median | naive mean | naive median | index ÷ naive (mean) | index alloc/query |");
            log.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var size in passes.Select(pass => pass.Size))
            {
                var index = Find(summary, size, nameof(SearchBenchmarks.Index));
                var naive = Find(summary, size, nameof(SearchBenchmarks.Naive));
                if (index?.ResultStatistics is not { } i || naive?.ResultStatistics is not { } n)
                {
                    log.WriteLine($"| {size:N0} | (no result) | | | | | |");
                    continue;
                }

                var alloc = index.GcStats.GetBytesAllocatedPerOperation(index.BenchmarkCase) is { } bytes ? $"{bytes / 1024.0:N1} KB" : "—";
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {size:N0} | {i.Mean / 1000:N1} µs | {i.Median / 1000:N1} µs | {n.Mean / 1000:N1} µs | {n.Median / 1000:N1} µs | {i.Mean / n.Mean:N2}× | {alloc} |"));
            }
        }

        log.WriteLine();
        log.WriteLine("Build cost (same process): full content load (files, YAML, Markdown, index) and the search index alone.");
        foreach (var (size, build) in builds.OrderBy(pair => pair.Key))
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {size:N0}: content load {build.Load.TotalMilliseconds:N0} ms; index build {build.IndexBuild.TotalMilliseconds:N0} ms; index ~{build.IndexBytes / 1048576.0:N1} MB"));
        }
    }

    private static BenchmarkReport? Find(Summary summary, int size, string method) =>
        summary.Reports.FirstOrDefault(report =>
            report.BenchmarkCase.Descriptor.WorkloadMethod.Name == method
            && report.BenchmarkCase.Parameters.Items.Any(p => p.Name == nameof(SearchBenchmarks.Size) && Equals(p.Value, size)));

    private static void WritePerQueryCsv(string path, List<PercentileResult> passes)
    {
        var b = new StringBuilder("catalogue,kind,query,index_hits,naive_hits,index_median_us,index_p99_us,naive_median_us,naive_p99_us\n");
        foreach (var pass in passes)
        {
            for (var q = 0; q < BenchmarkQueries.All.Count; q++)
            {
                var (kind, query) = BenchmarkQueries.All[q];
                b.Append(string.Create(CultureInfo.InvariantCulture,
                    $"{pass.Size},{kind},\"{query}\",{pass.Index.HitsByQuery[q]},{pass.Naive.HitsByQuery[q]},{pass.Index.QueryMedian(q):F1},{pass.Index.QueryP99(q):F1},{pass.Naive.QueryMedian(q):F1},{pass.Naive.QueryP99(q):F1}\n"));
            }
        }

        File.WriteAllText(path, b.ToString());
    }
}
