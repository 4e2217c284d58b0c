using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Benchmarks.Aggregate;

/// <summary>
/// Fills a portal database (already migrated) with synthetic ratings, their answers and the tallies that
/// <see cref="RatingRecorder"/> would have kept for them, with raw prepared inserts in large transactions (the portal's
/// own path, one transaction per rating, would take hours for a million). 2% are flagged and left out of the tallies,
/// as the recorder does. Deterministic: the same count gives the same database.
/// </summary>
internal static class RatingSeeder
{
    /// <summary>The 24 months the ratings fall in; results are measured on the last quarter and the last 12 months.</summary>
    public static readonly YearMonth FirstMonth = new(2025, 1);

    public static readonly YearMonth LastMonth = new(2026, 12);

    private const int RandomSeed = 20_261_128;
    private const int BatchSize = 50_000;
    private const double FlaggedShare = 0.02;

    private static readonly string[] RatingColumns = ["$id", "$receipt", "$agency", "$procedure", "$channel", "$version", "$submitted", "$year", "$month", "$flagged", "$reasons", "$review", "$counts"];

    private static readonly string[] AnswerColumns = ["$rating", "$criterion", "$value"];

    public static void Seed(string connectionString, int count, CriteriaSet set, ContentSnapshot snapshot, TextWriter log)
    {
        var stopwatch = Stopwatch.StartNew();
        var random = new Random(RandomSeed);
        var months = YearMonth.Range(FirstMonth, LastMonth).ToList();
        // Ratings go to agencies in force in their month: districts until 06/2025, the post-2025 bodies after.
        var agenciesByMonth = months.ToDictionary(month => month, month => snapshot.Agencies
            .Where(agency => agency.IsValidOn(new DateOnly(month.Year, month.Month, 15)))
            .Select(agency => agency.Code)
            .ToArray());
        var quality = snapshot.Agencies.ToDictionary(agency => agency.Code, _ => 0.55 + (random.NextDouble() * 0.4), StringComparer.Ordinal);
        var allProcedures = snapshot.Procedures.All.Select(procedure => procedure.Code).ToArray();
        var overall = set.Overall;

        var answerTallies = new Dictionary<(string Agency, int Year, int Month, string Criterion, int Value), int>();
        var ratingTallies = new Dictionary<(string Agency, string Procedure, int Year, int Month), (int Ratings, int Satisfied, int Dissatisfied)>();

        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");

        using var insertRating = connection.CreateCommand();
        insertRating.CommandText = """
            INSERT INTO "Ratings" ("Id", "ReceiptNumber", "AgencyCode", "ProcedureCode", "Channel", "CriteriaVersion", "SubmittedAt",
                "Year", "Month", "IsFlagged", "FlagReasons", "ReviewState", "CountsInStatistics", "IsDemo")
            VALUES ($id, $receipt, $agency, $procedure, $channel, $version, $submitted, $year, $month, $flagged, $reasons, $review, $counts, 0)
            """;
        var ratingParameters = RatingColumns.Select(name => insertRating.Parameters.Add(new SqliteParameter { ParameterName = name }))
            .ToArray();
        using var insertAnswer = connection.CreateCommand();
        insertAnswer.CommandText = """INSERT INTO "RatingAnswers" ("RatingId", "CriterionCode", "Value") VALUES ($rating, $criterion, $value)""";
        var answerParameters = AnswerColumns.Select(name => insertAnswer.Parameters.Add(new SqliteParameter { ParameterName = name }))
            .ToArray();

        var answersWritten = 0L;
        SqliteTransaction? transaction = null;
        for (var id = 1; id <= count; id++)
        {
            if ((id - 1) % BatchSize == 0)
            {
                transaction?.Commit();
                transaction?.Dispose();
                transaction = connection.BeginTransaction();
                insertRating.Transaction = transaction;
                insertAnswer.Transaction = transaction;
                if (id > 1 && (id - 1) % (BatchSize * 5) == 0)
                {
                    log.WriteLine($"  {id - 1:N0} ratings, {answersWritten:N0} answers, {stopwatch.Elapsed.TotalSeconds:F0} s");
                }
            }

            var month = months[random.Next(months.Count)];
            var agencies = agenciesByMonth[month];
            var agency = agencies[random.Next(agencies.Length)];
            var day = 1 + random.Next(DateTime.DaysInMonth(month.Year, month.Month));
            var local = new DateTime(month.Year, month.Month, day, 7 + random.Next(10), random.Next(60), random.Next(60), DateTimeKind.Unspecified);
            var flagged = random.NextDouble() < FlaggedShare;
            var procedure = random.NextDouble() < 0.6 ? allProcedures[random.Next(allProcedures.Length)] : null;

            object?[] values =
            [
                id, string.Create(CultureInfo.InvariantCulture, $"B-{id:D9}"), agency, procedure, 1 + random.Next(3), set.Version,
                new DateTimeOffset(local, VietnamClock.Offset).UtcDateTime, month.Year, month.Month, flagged, flagged ? "too-fast" : null,
                flagged ? (int)ReviewState.Pending : (int)ReviewState.NotNeeded, !flagged,
            ];
            for (var i = 0; i < values.Length; i++)
            {
                ratingParameters[i].Value = values[i] ?? DBNull.Value;
            }

            insertRating.ExecuteNonQuery();

            var satisfied = 0;
            var dissatisfied = 0;
            answerParameters[0].Value = id;
            foreach (var criterion in set.Criteria)
            {
                if (!criterion.Required && random.NextDouble() < 0.4)
                {
                    continue;
                }

                var option = Choose(criterion.Options, quality[agency], random);
                answerParameters[1].Value = criterion.Code;
                answerParameters[2].Value = option.Value;
                insertAnswer.ExecuteNonQuery();
                answersWritten++;
                if (flagged)
                {
                    continue;
                }

                satisfied |= criterion.Code == overall.Code && option.Satisfied ? 1 : 0;
                dissatisfied |= option.ReasonRequired ? 1 : 0;
                var key = (agency, month.Year, month.Month, criterion.Code, option.Value);
                answerTallies[key] = answerTallies.GetValueOrDefault(key) + 1;
            }

            if (!flagged)
            {
                foreach (var code in procedure is null ? [string.Empty] : new[] { string.Empty, procedure })
                {
                    var key = (agency, code, month.Year, month.Month);
                    var (ratings, sat, dis) = ratingTallies.GetValueOrDefault(key);
                    ratingTallies[key] = (ratings + 1, sat + satisfied, dis + dissatisfied);
                }
            }
        }

        transaction?.Commit();
        transaction?.Dispose();
        log.WriteLine($"  {count:N0} ratings, {answersWritten:N0} answers in {stopwatch.Elapsed.TotalSeconds:F0} s; writing tallies");

        using (var tallies = connection.BeginTransaction())
        {
            using var insertAnswerTally = connection.CreateCommand();
            insertAnswerTally.Transaction = tallies;
            insertAnswerTally.CommandText = """
                INSERT INTO "AnswerTallies" ("AgencyCode", "Year", "Month", "CriteriaVersion", "CriterionCode", "Value", "Count")
                VALUES ($agency, $year, $month, $version, $criterion, $value, $count)
                """;
            foreach (var ((agency, year, month, criterion, value), tally) in answerTallies)
            {
                Bind(insertAnswerTally, ("$agency", agency), ("$year", year), ("$month", month), ("$version", set.Version), ("$criterion", criterion), ("$value", value), ("$count", tally));
                insertAnswerTally.ExecuteNonQuery();
            }

            using var insertRatingTally = connection.CreateCommand();
            insertRatingTally.Transaction = tallies;
            insertRatingTally.CommandText = """
                INSERT INTO "RatingTallies" ("AgencyCode", "ProcedureCode", "Year", "Month", "Ratings", "Satisfied", "Dissatisfied", "Demo")
                VALUES ($agency, $procedure, $year, $month, $ratings, $satisfied, $dissatisfied, 0)
                """;
            foreach (var ((agency, procedure, year, month), (ratings, satisfied, dissatisfied)) in ratingTallies)
            {
                Bind(insertRatingTally, ("$agency", agency), ("$procedure", procedure), ("$year", year), ("$month", month), ("$ratings", ratings), ("$satisfied", satisfied), ("$dissatisfied", dissatisfied));
                insertRatingTally.ExecuteNonQuery();
            }

            tallies.Commit();
        }

        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        log.WriteLine($"  tallies: {answerTallies.Count:N0} answer rows, {ratingTallies.Count:N0} rating rows; seeded in {stopwatch.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>The worst option with probability 1 − quality, else one of the others, the better ones more often.</summary>
    private static CriterionOption Choose(IReadOnlyList<CriterionOption> options, double quality, Random random)
    {
        if (random.NextDouble() >= quality)
        {
            return options[^1];
        }

        // Weights n-1, n-2, …, 1 over all but the worst option.
        var total = (options.Count - 1) * options.Count / 2;
        var draw = random.Next(total);
        var index = 0;
        for (var weight = options.Count - 1; draw >= weight; weight--)
        {
            draw -= weight;
            index++;
        }

        return options[index];
    }

    private static void Bind(SqliteCommand command, params (string Name, object Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
