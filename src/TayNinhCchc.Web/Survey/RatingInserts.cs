using System.Globalization;
using System.Text;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.Survey;

/// <summary>
/// Inserts ratings and their answers inside the writer's open transaction. A rating whose dossier's slot is taken
/// (earlier, on another node, or earlier in the same group) is simply not inserted — <c>ON CONFLICT DO NOTHING</c> on
/// the filtered unique index, the same in SQLite and PostgreSQL — so it needs no savepoint and cannot spoil the rest of
/// its group. A flagged rating holds no slot (<see cref="Rating.DossierSlotFilter"/>): it is stored beside others of its
/// dossier unless one holds the slot already, and when a rating that holds the slot arrives, the flagged ones waiting
/// for review are superseded (<see cref="SupersedeFlaggedAsync"/>). A receipt number drawn twice (40 random bits: rare,
/// but certain somewhere in millions of ratings) gets a fresh one.
/// </summary>
internal sealed class RatingInserts(PortalDbContext db, Func<string> newReceiptNumber) : IDisposable
{
    private const int ReceiptAttempts = 5;

    private readonly PreparedStatement rating = new(db, """
        INSERT INTO "Ratings" ("ReceiptNumber", "AgencyCode", "ProcedureCode", "DossierHash", "Channel", "CriteriaVersion",
            "SubmittedAt", "Year", "Month", "Comment", "CommentState", "ClientHash", "IsFlagged", "FlagReasons", "ReviewState",
            "CountsInStatistics", "IsDemo")
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16)
        ON CONFLICT DO NOTHING
        RETURNING "Id"
        """, 17);

    private readonly PreparedStatement dossierRated = new(db, $"""SELECT 1 FROM "Ratings" WHERE "DossierHash" = @p0 AND {Rating.DossierSlotFilter}""", 1);

    // Dossiers whose slot a rating of this transaction took: flagged ratings of theirs waiting for review are superseded.
    private readonly List<byte[]> slotsTaken = [];

    // One multi-row statement per answer count (a criteria set has one count): one round trip per rating's answers.
    private readonly Dictionary<int, PreparedStatement> answers = [];

    /// <summary>Inserts the rating (setting its <see cref="Rating.Id"/>) and its answers; false when its dossier was rated already.</summary>
    public async Task<bool> TryInsertAsync(Rating candidate)
    {
        var holdsSlot = candidate.ReviewState is ReviewState.NotNeeded or ReviewState.Accepted;
        if (!holdsSlot && candidate.DossierHash is not null && await dossierRated.ScalarAsync(candidate.DossierHash) is not null)
        {
            // A flagged rating of a dossier already rated is a duplicate like any other: the index alone would let it in.
            return false;
        }

        for (var attempt = 1; ; attempt++)
        {
            var id = await rating.ScalarAsync(
                candidate.ReceiptNumber, candidate.AgencyCode, candidate.ProcedureCode, candidate.DossierHash, (int)candidate.Channel,
                candidate.CriteriaVersion, candidate.SubmittedAt, candidate.Year, candidate.Month, candidate.Comment,
                (int?)candidate.CommentState, candidate.ClientHash, candidate.IsFlagged, candidate.FlagReasons,
                (int)candidate.ReviewState, candidate.CountsInStatistics, candidate.IsDemo);
            if (id is not null)
            {
                candidate.Id = Convert.ToInt64(id, CultureInfo.InvariantCulture);
                break;
            }

            if (candidate.DossierHash is not null && await dossierRated.ScalarAsync(candidate.DossierHash) is not null)
            {
                return false;
            }

            if (attempt == ReceiptAttempts)
            {
                throw new InvalidOperationException($"No free receipt number after {ReceiptAttempts} draws: the receipt alphabet or length is too small.");
            }

            candidate.ReceiptNumber = newReceiptNumber();
        }

        if (holdsSlot && candidate.DossierHash is not null)
        {
            slotsTaken.Add(candidate.DossierHash);
        }

        if (candidate.Answers.Count > 0)
        {
            var values = new object?[1 + (3 * candidate.Answers.Count)];
            values[0] = candidate.Id;
            for (var i = 0; i < candidate.Answers.Count; i++)
            {
                var answer = candidate.Answers[i];
                answer.RatingId = candidate.Id;
                values[1 + (3 * i)] = answer.CriterionCode;
                values[2 + (3 * i)] = answer.Value;
                values[3 + (3 * i)] = answer.Reason;
            }

            await AnswersStatement(candidate.Answers.Count).ExecuteAsync(values);
        }

        return true;
    }

    /// <summary>
    /// Marks <see cref="ReviewState.Superseded"/> the flagged ratings, waiting for review, of every dossier whose slot was
    /// taken by <see cref="TryInsertAsync"/> since the last call: one statement for the group, run before its commit.
    /// </summary>
    public async Task<int> SupersedeFlaggedAsync()
    {
        if (slotsTaken.Count == 0)
        {
            return 0;
        }

        var sql = new StringBuilder($"""UPDATE "Ratings" SET "ReviewState" = {(int)ReviewState.Superseded} WHERE "ReviewState" = {(int)ReviewState.Pending} AND "DossierHash" IN (""");
        for (var i = 0; i < slotsTaken.Count; i++)
        {
            sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}@p{i}");
        }

        using var supersede = new PreparedStatement(db, sql.Append(')').ToString(), slotsTaken.Count);
        var changed = await supersede.ExecuteAsync([.. slotsTaken]);
        slotsTaken.Clear();
        return changed;
    }

    public void Dispose()
    {
        rating.Dispose();
        dossierRated.Dispose();
        foreach (var statement in answers.Values)
        {
            statement.Dispose();
        }
    }

    private PreparedStatement AnswersStatement(int count)
    {
        if (!answers.TryGetValue(count, out var statement))
        {
            var sql = new StringBuilder("""INSERT INTO "RatingAnswers" ("RatingId", "CriterionCode", "Value", "Reason") VALUES """);
            for (var i = 0; i < count; i++)
            {
                sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}(@p0, @p{1 + (3 * i)}, @p{2 + (3 * i)}, @p{3 + (3 * i)})");
            }

            statement = new PreparedStatement(db, sql.ToString(), 1 + (3 * count));
            answers.Add(count, statement);
        }

        return statement;
    }
}
