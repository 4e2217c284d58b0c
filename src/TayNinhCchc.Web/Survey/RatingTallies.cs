using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.Survey;

/// <summary>
/// Keeps <see cref="AnswerTally"/> and <see cref="RatingTally"/> up to date: the statistics read these running counts
/// instead of every rating. Increments are summed per key first, so a group of ratings costs one upsert per key.
/// </summary>
public static class RatingTallies
{
    /// <summary>Counts ratings in (on insert, or when a flagged rating is accepted on review), inside the caller's transaction.</summary>
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
        foreach (var ((agency, year, month, version, criterion, value), count) in orderedAnswers)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO "AnswerTallies" ("AgencyCode", "Year", "Month", "CriteriaVersion", "CriterionCode", "Value", "Count")
                VALUES ({agency}, {year}, {month}, {version}, {criterion}, {value}, {count})
                ON CONFLICT ("AgencyCode", "Year", "Month", "CriteriaVersion", "CriterionCode", "Value")
                DO UPDATE SET "Count" = "AnswerTallies"."Count" + {count}
                """,
                cancellationToken);
        }

        var orderedTotals = totals
            .OrderBy(pair => pair.Key.Agency, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Procedure, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Year)
            .ThenBy(pair => pair.Key.Month);
        foreach (var ((agency, procedure, year, month), (count, satisfied, dissatisfied, demo)) in orderedTotals)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO "RatingTallies" ("AgencyCode", "ProcedureCode", "Year", "Month", "Ratings", "Satisfied", "Dissatisfied", "Demo")
                VALUES ({agency}, {procedure}, {year}, {month}, {count}, {satisfied}, {dissatisfied}, {demo})
                ON CONFLICT ("AgencyCode", "ProcedureCode", "Year", "Month")
                DO UPDATE SET "Ratings" = "RatingTallies"."Ratings" + {count},
                    "Satisfied" = "RatingTallies"."Satisfied" + {satisfied},
                    "Dissatisfied" = "RatingTallies"."Dissatisfied" + {dissatisfied},
                    "Demo" = "RatingTallies"."Demo" + {demo}
                """,
                cancellationToken);
        }
    }
}
