using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Benchmarks.Ingest;

/// <summary>
/// The limit of one-commit-per-rating on this disk: a raw Microsoft.Data.Sqlite loop with prepared inserts of a
/// rating and its 8 answers into the portal's own schema, each rating committed alone, at the portal's durability
/// (WAL, synchronous=FULL).
/// </summary>
internal static class RawInsertCommand
{
    public static int Run(string[] args)
    {
        var options = new Arguments(args, []);
        var seconds = options.Int("seconds", 10);
        var synchronous = options.String("synchronous") ?? "FULL";
        var folder = Directory.CreateTempSubdirectory("tayninhcchc-raw-").FullName;
        var path = Path.Combine(folder, "raw.db");
        try
        {
            using (var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={path}").Options))
            {
                db.Database.Migrate();
            }

            var perSecond = Measure(path, synchronous, TimeSpan.FromSeconds(seconds), out var count, out var p99);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"raw loop (WAL, synchronous={synchronous}, one transaction per rating + 8 answers): {count:N0} in {seconds} s = {perSecond:N0}/s; commit p99 {p99:F2} ms"));
            if (options.String("csv") is { } csv)
            {
                File.AppendAllText(csv, string.Create(CultureInfo.InvariantCulture, $"{count},{perSecond:F1},{p99:F2}\n"));
            }

            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double Measure(string path, string synchronous, TimeSpan duration, out int count, out double p99)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous};";
            pragma.ExecuteNonQuery();
        }

        using var rating = connection.CreateCommand();
        rating.CommandText = """
            INSERT INTO "Ratings" ("ReceiptNumber", "AgencyCode", "ProcedureCode", "DossierHash", "Channel", "CriteriaVersion", "SubmittedAt", "Year", "Month",
                "Comment", "CommentState", "ClientHash", "IsFlagged", "FlagReasons", "ReviewState", "CountsInStatistics", "IsDemo")
            VALUES ($receipt, 'so-tu-phap', NULL, $hash, 1, 'tt01-2018-v1', $at, 2026, 12, NULL, NULL, NULL, 0, NULL, 0, 1, 0)
            RETURNING "Id"
            """;
        var receipt = rating.Parameters.Add("$receipt", SqliteType.Text);
        var hash = rating.Parameters.Add("$hash", SqliteType.Blob);
        var at = rating.Parameters.Add("$at", SqliteType.Text);
        using var answer = connection.CreateCommand();
        answer.CommandText = """INSERT INTO "RatingAnswers" ("RatingId", "CriterionCode", "Value", "Reason") VALUES ($id, $code, 2, NULL)""";
        var id = answer.Parameters.Add("$id", SqliteType.Integer);
        var code = answer.Parameters.Add("$code", SqliteType.Text);
        rating.Prepare();
        answer.Prepare();
        string[] criteria = ["chi-so-1", "chi-so-2", "chi-so-3", "chi-so-4", "chi-so-6", "chi-so-7", "thuan-tien", "tong-the"];

        var commits = new List<double>();
        var stopwatch = Stopwatch.StartNew();
        count = 0;
        while (stopwatch.Elapsed < duration)
        {
            var begin = Stopwatch.GetTimestamp();
            using var transaction = connection.BeginTransaction();
            rating.Transaction = transaction;
            answer.Transaction = transaction;
            receipt.Value = $"RAW-{count:D8}";
            hash.Value = System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(count));
            at.Value = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            id.Value = (long)rating.ExecuteScalar()!;
            foreach (var criterion in criteria)
            {
                code.Value = criterion;
                answer.ExecuteNonQuery();
            }

            transaction.Commit();
            commits.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
            count++;
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        p99 = IngestCommand.Percentile(commits.Order().ToArray(), 0.99);
        return count / seconds;
    }
}
