using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.Survey;

/// <summary>
/// Keeps <see cref="AnswerTally"/> and <see cref="RatingTally"/> up to date: the statistics read these running counts
/// instead of every rating. Increments are summed per key first, so a group of ratings costs one upsert per key, run
/// as one reused statement per table.
/// </summary>
public static class RatingTallies
{
    /// <summary>Counts ratings in (on insert, or when a flagged rating is accepted on review), inside the caller's open transaction.</summary>
    public static async Task AddAsync(PortalDbContext db, IEnumerable<(CriteriaSet Set, Rating Rating)> ratings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ratings);

        var answers = new Dictionary<(string Agency, int Year, int Month, string Version, string Criterion, int Value), int>();
        var totals = new Dictionary<(string Agency, string Procedure, int Year, int Month), (int Ratings, int Satisfied, int Dissatisfied, int Demo)>();
        foreach (var (set, rating) in ratings)
        {
            var satisfied = 0;
            var dissatisfied = 0;
            foreach (var answer in rating.Answers)
            {
                if (set.Find(answer.CriterionCode)?.Option(answer.Value) is not { } option)
                {
                    continue;
                }

                satisfied |= option.Satisfied && answer.CriterionCode == set.Overall.Code ? 1 : 0;
                dissatisfied |= option.ReasonRequired ? 1 : 0;
                var key = (rating.AgencyCode, rating.Year, rating.Month, rating.CriteriaVersion, answer.CriterionCode, answer.Value);
                answers[key] = answers.GetValueOrDefault(key) + 1;
            }

            foreach (var procedure in rating.ProcedureCode is { } code ? new[] { string.Empty, code } : [string.Empty])
            {
                var key = (rating.AgencyCode, procedure, rating.Year, rating.Month);
                var current = totals.GetValueOrDefault(key);
                totals[key] = (current.Ratings + 1, current.Satisfied + satisfied, current.Dissatisfied + dissatisfied, current.Demo + (rating.IsDemo ? 1 : 0));
            }
        }

        // Rows are updated in one fixed order (ordinal keys): two nodes' groups touching the same tallies then queue
        // behind each other instead of each holding a row the other needs (PostgreSQL reported deadlocks otherwise).
        var orderedAnswers = answers
            .OrderBy(pair => pair.Key.Agency, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Year)
            .ThenBy(pair => pair.Key.Month)
            .ThenBy(pair => pair.Key.Version, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Criterion, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Value);
        using (var upsert = new PreparedStatement(db, """
            INSERT INTO "AnswerTallies" ("AgencyCode", "Year", "Month", "CriteriaVersion", "CriterionCode", "Value", "Count")
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)
            ON CONFLICT ("AgencyCode", "Year", "Month", "CriteriaVersion", "CriterionCode", "Value")
            DO UPDATE SET "Count" = "AnswerTallies"."Count" + @p6
            """, 7))
        {
            foreach (var ((agency, year, month, version, criterion, value), count) in orderedAnswers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await upsert.ExecuteAsync(agency, year, month, version, criterion, value, count);
            }
        }

        var orderedTotals = totals
            .OrderBy(pair => pair.Key.Agency, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Procedure, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Year)
            .ThenBy(pair => pair.Key.Month);
        using (var upsert = new PreparedStatement(db, """
            INSERT INTO "RatingTallies" ("AgencyCode", "ProcedureCode", "Year", "Month", "Ratings", "Satisfied", "Dissatisfied", "Demo")
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)
            ON CONFLICT ("AgencyCode", "ProcedureCode", "Year", "Month")
            DO UPDATE SET "Ratings" = "RatingTallies"."Ratings" + @p4,
                "Satisfied" = "RatingTallies"."Satisfied" + @p5,
                "Dissatisfied" = "RatingTallies"."Dissatisfied" + @p6,
                "Demo" = "RatingTallies"."Demo" + @p7
            """, 8))
        {
            foreach (var ((agency, procedure, year, month), (count, satisfied, dissatisfied, demo)) in orderedTotals)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await upsert.ExecuteAsync(agency, procedure, year, month, count, satisfied, dissatisfied, demo);
            }
        }
    }
}
