using System.Globalization;
using Microsoft.Data.Sqlite;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Benchmarks.Aggregate;

/// <summary>
/// The baseline: the same figures as <see cref="RatingStatistics"/>, computed the straightforward way — GROUP BY over
/// Ratings JOIN RatingAnswers on every request, using the indexes the portal has. The satisfied and "not satisfied"
/// options are read from the criteria set, as the recorder reads them.
/// </summary>
internal sealed class NaiveAggregation : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly string satisfied;
    private readonly string dissatisfied;

    public NaiveAggregation(string connectionString, CriteriaSet set)
    {
        connection = new SqliteConnection(connectionString);
        connection.Open();
        var overall = set.Overall;
        satisfied = $"(a.\"CriterionCode\" = '{overall.Code}' AND a.\"Value\" IN ({Values(overall.Options.Where(option => option.Satisfied))}))";
        dissatisfied = "(" + string.Join(" OR ", set.Criteria
            .Where(criterion => criterion.Options.Any(option => option.ReasonRequired))
            .Select(criterion => $"(a.\"CriterionCode\" = '{criterion.Code}' AND a.\"Value\" IN ({Values(criterion.Options.Where(option => option.ReasonRequired))}))")) + ")";
    }

    public void Dispose() => connection.Dispose();

    /// <summary>n, satisfied and dissatisfied per agency: one row per rating first, then per agency.</summary>
    public Dictionary<string, RatingTotals> Totals(IReadOnlyCollection<string> agencies, YearMonth first, YearMonth last) =>
        Query($"""
            SELECT "AgencyCode", COUNT(*), SUM("Satisfied"), SUM("Dissatisfied") FROM (
                SELECT r."AgencyCode", MAX({satisfied}) AS "Satisfied", MAX({dissatisfied}) AS "Dissatisfied"
                FROM "Ratings" r JOIN "RatingAnswers" a ON a."RatingId" = r."Id"
                WHERE r."CountsInStatistics" = 1 AND r."AgencyCode" IN ({Codes(agencies)}) AND {InRange(first, last)}
                GROUP BY r."Id")
            GROUP BY "AgencyCode"
            """)
            .ToDictionary(row => (string)row[0], row => new RatingTotals(Int(row[1]), Int(row[2]), Int(row[3]), 0), StringComparer.Ordinal);

    /// <summary>Count per agency, criterion and option.</summary>
    public Dictionary<(string Agency, string Criterion, int Value), int> Options(IReadOnlyCollection<string> agencies, YearMonth first, YearMonth last) =>
        Query($"""
            SELECT r."AgencyCode", a."CriterionCode", a."Value", COUNT(*)
            FROM "Ratings" r JOIN "RatingAnswers" a ON a."RatingId" = r."Id"
            WHERE r."CountsInStatistics" = 1 AND r."AgencyCode" IN ({Codes(agencies)}) AND {InRange(first, last)}
            GROUP BY r."AgencyCode", a."CriterionCode", a."Value"
            """)
            .ToDictionary(row => ((string)row[0], (string)row[1], Int(row[2])), row => Int(row[3]));

    /// <summary>n, satisfied and dissatisfied per month for one agency.</summary>
    public Dictionary<YearMonth, RatingTotals> Monthly(string agency, YearMonth first, YearMonth last) =>
        Query($"""
            SELECT "Year", "Month", COUNT(*), SUM("Satisfied"), SUM("Dissatisfied") FROM (
                SELECT r."Year", r."Month", MAX({satisfied}) AS "Satisfied", MAX({dissatisfied}) AS "Dissatisfied"
                FROM "Ratings" r JOIN "RatingAnswers" a ON a."RatingId" = r."Id"
                WHERE r."CountsInStatistics" = 1 AND r."AgencyCode" = '{agency}' AND {InRange(first, last)}
                GROUP BY r."Id")
            GROUP BY "Year", "Month"
            """)
            .ToDictionary(row => new YearMonth(Int(row[0]), Int(row[1])), row => new RatingTotals(Int(row[2]), Int(row[3]), Int(row[4]), 0));

    private List<object[]> Query(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    private static string InRange(YearMonth first, YearMonth last) => string.Create(CultureInfo.InvariantCulture,
        $"""r."Year" BETWEEN {first.Year} AND {last.Year} AND (r."Year" > {first.Year} OR r."Month" >= {first.Month}) AND (r."Year" < {last.Year} OR r."Month" <= {last.Month})""");

    // Agency and criterion codes are [a-z0-9-] (checked when content loads), so they can be written into the SQL.
    private static string Codes(IEnumerable<string> codes) => string.Join(", ", codes.Select(code => $"'{code}'"));

    private static string Values(IEnumerable<CriterionOption> options) =>
        string.Join(", ", options.Select(option => option.Value.ToString(CultureInfo.InvariantCulture)));

    private static int Int(object value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
