using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TayNinhCchc.Benchmarks.Catalogue;
using TayNinhCchc.Benchmarks.Search;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Benchmarks.Aggregate;

/// <summary>
/// <c>aggregate [--ratings 1000000] [--dir DIR] [--budget SECONDS] [--fresh]</c>: a SQLite database built with the
/// portal's migrations and filled with N ratings (reused between runs), then the two reads of the results pages timed
/// through <see cref="RatingStatistics"/> (tally tables) and through a naive GROUP BY over the raw rows, in the same run.
/// </summary>
internal static class AggregateCommand
{
    private const double TargetP99Ms = 50;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Arguments(args, ["fresh"]);
        var count = options.Int("ratings", 1_000_000);
        var workDir = Path.GetFullPath(options.String("dir") ?? RepoPaths.DefaultWorkDir);
        var budget = TimeSpan.FromSeconds(options.Int("budget", 20));
        var log = Console.Out;
        Directory.CreateDirectory(workDir);

        var root = RepoPaths.Content;
        using var content = new ContentLibrary(
            new ContentLoader(new MarkdownRenderer()),
            Options.Create(new ContentOptions { Root = root, WatchForChanges = false }),
            new LoadedCatalogue.FixedHostEnvironment(root),
            TimeProvider.System,
            NullLogger<ContentLibrary>.Instance);
        var snapshot = content.Current;
        var set = snapshot.CriteriaSetOn(RatingSeeder.LastMonth.LastDay) ?? throw new InvalidOperationException("No criteria set in content/danh-gia.");
        var registry = new CriteriaRegistry(content, TimeProvider.System, NullLogger<CriteriaRegistry>.Instance);
        var statistics = new RatingStatistics(content, registry, Options.Create(new SurveyOptions()));

        var path = Path.Combine(workDir, string.Create(CultureInfo.InvariantCulture, $"ratings-{count}.db"));
        var connectionString = $"Data Source={path}";
        var dbOptions = new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(connectionString).Options;
        log.WriteLine($"Aggregation benchmark: {count:N0} ratings, criteria {set.Version} ({set.Criteria.Count} questions), {snapshot.Agencies.Count} agencies");
        log.WriteLine($"Machine: {Environment.ProcessorCount} logical cores, .NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
        await PrepareAsync(path, count, dbOptions, registry, set, snapshot, options.Has("fresh"), log);

        var period = ReportingPeriod.OfQuarter(RatingSeeder.LastMonth.Year, 4);
        var group = RankingGroup.Departments;
        var groupCodes = snapshot.Agencies.Where(agency => group.Includes(agency)).Select(agency => agency.Code).ToList();
        var agency = snapshot.AgenciesByCode.GetValueOrDefault("so-noi-vu") ?? snapshot.Agencies.First(candidate => candidate.IsValidOn(period.End));
        var trendFirst = RatingSeeder.LastMonth.AddMonths(-11);
        using var naive = new NaiveAggregation(connectionString, set);

        // What the two pages do: the ranking page ranks a group; the agency page reads the agency's report, its rank
        // in the group and its 12-month trend.
        async Task Ranking()
        {
            await using var db = new SqlitePortalDbContext(dbOptions);
            _ = await statistics.RankAsync(db, group, period);
        }

        async Task AgencyPage()
        {
            await using var db = new SqlitePortalDbContext(dbOptions);
            _ = await statistics.ReportAsync(db, [agency.Code], period);
            _ = await statistics.RankAsync(db, group, period);
            _ = await statistics.TrendAsync(db, [agency.Code], RatingSeeder.LastMonth, 12);
        }

        Task NaiveRanking()
        {
            _ = RankNaively(naive, set, snapshot, groupCodes, period);
            return Task.CompletedTask;
        }

        Task NaiveAgencyPage()
        {
            _ = naive.Totals([agency.Code], period.First, period.Last);
            _ = naive.Options([agency.Code], period.First, period.Last);
            _ = RankNaively(naive, set, snapshot, groupCodes, period);
            _ = naive.Monthly(agency.Code, trendFirst, RatingSeeder.LastMonth);
            return Task.CompletedTask;
        }

        log.WriteLine();
        if (!await SameAnswersAsync(dbOptions, statistics, naive, set, snapshot, group, groupCodes, period, agency.Code, trendFirst, log))
        {
            return 1;
        }

        log.WriteLine();
        log.WriteLine($"Timing (each engine: 5 s warm-up, then samples for {budget.TotalSeconds:N0} s; at least 200 tallies and 10 naive samples):");
        var rows = new List<(string Scenario, Latency Tallies, Latency Naive)>
        {
            ($"ranking of {group.Code()} ({groupCodes.Count} agencies), {period.Code}", await MeasureAsync(Ranking, budget, 200), await MeasureAsync(NaiveRanking, budget, 10)),
            ($"agency page ({agency.Code}): report + rank + 12-month trend", await MeasureAsync(AgencyPage, budget, 200), await MeasureAsync(NaiveAgencyPage, budget, 10)),
        };

        log.WriteLine();
        log.WriteLine($"=== Results aggregation, {count:N0} ratings stored (SQLite, {new FileInfo(path).Length / 1048576.0:N0} MB) ===");
        log.WriteLine();
        log.WriteLine("| scenario | tallies p50 | tallies p99 | naive p50 | naive p99 | naive ÷ tallies (p50) | naive ÷ tallies (p99) | samples (tallies / naive) | tallies p99 ≤ 50 ms |");
        log.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|:---:|");
        foreach (var (scenario, tallies, baseline) in rows)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {scenario} | {tallies.P50:F2} ms | {tallies.P99:F2} ms | {baseline.P50:N0} ms | {baseline.P99:N0} ms | {baseline.P50 / tallies.P50:N0}× | {baseline.P99 / tallies.P99:N0}× | {tallies.Samples} / {baseline.Samples} | {(tallies.P99 <= TargetP99Ms ? "yes" : "NO")} |"));
        }

        return rows.All(row => row.Tallies.P99 <= TargetP99Ms) ? 0 : 1;
    }

    private sealed record Latency(double P50, double P99, int Samples);

    private static async Task PrepareAsync(string path, int count, DbContextOptions<SqlitePortalDbContext> dbOptions, CriteriaRegistry registry, CriteriaSet set, ContentSnapshot snapshot, bool fresh, TextWriter log)
    {
        var marker = path + ".done";
        if (!fresh && File.Exists(marker) && File.Exists(path))
        {
            log.WriteLine($"Reusing {path} ({File.ReadAllText(marker).Trim()}); --fresh rebuilds it");
            return;
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm", marker })
        {
            File.Delete(file);
        }

        log.WriteLine($"Building {path} with the portal's migrations and {count:N0} ratings:");
        await using (var db = new SqlitePortalDbContext(dbOptions))
        {
            await db.Database.MigrateAsync();
            await registry.FreezeAsync(db, set);
        }

        RatingSeeder.Seed($"Data Source={path}", count, set, snapshot, log);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await File.WriteAllTextAsync(marker, string.Create(CultureInfo.InvariantCulture, $"{count} ratings, {RatingSeeder.FirstMonth.Code}..{RatingSeeder.LastMonth.Code}, seeded {DateTime.UtcNow:u}"));
    }

    /// <summary>The ranking from raw rows: totals and option counts per agency, then the same order as the portal.</summary>
    private static List<RankingRow> RankNaively(NaiveAggregation naive, CriteriaSet set, ContentSnapshot snapshot, IReadOnlyCollection<string> codes, ReportingPeriod period)
    {
        var totals = naive.Totals(codes, period.First, period.Last);
        var options = naive.Options(codes, period.First, period.Last);
        return totals.Select(pair => new RankingRow(snapshot.AgenciesByCode[pair.Key], pair.Value, Tt01(set, options, pair.Key), null))
            .Order(RatingStatistics.RankingOrder)
            .ToList();
    }

    private static Tt01Score? Tt01(CriteriaSet set, Dictionary<(string Agency, string Criterion, int Value), int> options, string agency)
    {
        var means = set.Criteria.Where(criterion => criterion.Tt01Index is not null)
            .Select(criterion =>
            {
                var counts = criterion.Options.Select(option => (option.Points ?? 0, options.GetValueOrDefault((agency, criterion.Code, option.Value)))).ToList();
                var answers = counts.Sum(pair => pair.Item2);
                return answers == 0 ? (double?)null : (double)counts.Sum(pair => pair.Item1 * pair.Item2) / answers;
            })
            .OfType<double>()
            .ToList();
        return means.Count == 0 ? null : new Tt01Score(means.Sum(), means.Count);
    }

    /// <summary>Both engines must give the same figures before their speed means anything.</summary>
    private static async Task<bool> SameAnswersAsync(DbContextOptions<SqlitePortalDbContext> dbOptions, RatingStatistics statistics, NaiveAggregation naive, CriteriaSet set, ContentSnapshot snapshot, RankingGroup group, IReadOnlyCollection<string> codes, ReportingPeriod period, string agency, YearMonth trendFirst, TextWriter log)
    {
        await using var db = new SqlitePortalDbContext(dbOptions);
        var ranking = await statistics.RankAsync(db, group, period);
        var fromTallies = ranking.Ranked.Concat(ranking.Unranked).Where(row => row.Totals.Ratings > 0).OrderBy(row => row.Agency.Code, StringComparer.Ordinal).ToList();
        var fromRows = RankNaively(naive, set, snapshot, codes, period).OrderBy(row => row.Agency.Code, StringComparer.Ordinal).ToList();
        var rankingSame = fromTallies.Count == fromRows.Count && fromTallies.Zip(fromRows).All(pair =>
            pair.First.Agency.Code == pair.Second.Agency.Code && pair.First.Totals == pair.Second.Totals
            && Math.Abs((pair.First.Tt01?.Points ?? 0) - (pair.Second.Tt01?.Points ?? 0)) < 1e-9);
        var order = ranking.Ranked.Select(row => row.Agency.Code).SequenceEqual(RankNaively(naive, set, snapshot, codes, period)
            .Where(row => row.Totals.Ratings >= statistics.MinimumRatingsForRanking).Select(row => row.Agency.Code));

        var trend = await statistics.TrendAsync(db, [agency], RatingSeeder.LastMonth, 12);
        var monthly = naive.Monthly(agency, trendFirst, RatingSeeder.LastMonth);
        var trendSame = trend.All(month => month.Totals == monthly.GetValueOrDefault(month.Month, RatingTotals.None));

        var totalRatings = fromTallies.Sum(row => row.Totals.Ratings);
        log.WriteLine($"Same answers from tallies and raw rows: ranking {(rankingSame && order ? "yes" : "NO")} ({fromTallies.Count} agencies, {totalRatings:N0} ratings in {period.Code}), " +
            $"trend of {agency} {(trendSame ? "yes" : "NO")} ({trend.Sum(month => month.Totals.Ratings):N0} ratings over 12 months)");
        return rankingSame && order && trendSame;
    }

    private static async Task<Latency> MeasureAsync(Func<Task> action, TimeSpan budget, int minSamples)
    {
        // Tiered JIT settles only after a few seconds of calls: warm up for 5 s (at least 2 calls of the slow baseline).
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < 2 || (warm.Elapsed < TimeSpan.FromSeconds(5) && i < 5_000); i++)
        {
            await action();
        }

        var samples = new List<double>();
        var run = Stopwatch.StartNew();
        while (samples.Count < minSamples || (run.Elapsed < budget && samples.Count < 100_000))
        {
            var start = Stopwatch.GetTimestamp();
            await action();
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return new Latency(Percentiles.Of(samples, 50), Percentiles.Of(samples, 99), samples.Count);
    }
}
