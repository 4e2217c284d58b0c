using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.BotProtection;

/// <summary>
/// Where spent challenges are recorded, so each is accepted once across all nodes. The portal's rating writer is the
/// ledger: it spends challenges inside its grouped transactions, since a second writer beside it would contend for
/// SQLite's single write lock and flush once per post.
/// </summary>
public interface IChallengeLedger
{
    /// <summary>Records the challenge as spent; false when it already was (a replay), on this node or another.</summary>
    Task<bool> TrySpendAsync(string id, DateTime expiresAt, DateTime now, CancellationToken ct = default);
}

/// <summary>The <c>UsedChallenges</c> table, written inside the caller's transaction.</summary>
public static class UsedChallenges
{
    /// <summary>How often a node deletes the rows of expired challenges.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Spends challenges, one run per challenge: 1 row changed when this was the first spend of the id (the primary key
    /// decides), 0 for a replay. ON CONFLICT DO NOTHING (same syntax in SQLite and PostgreSQL) makes a replay an ordinary
    /// answer instead of a logged database error. Runs inside the caller's open transaction.
    /// </summary>
    internal static PreparedStatement SpendStatement(PortalDbContext db) =>
        new(db, """INSERT INTO "UsedChallenges" ("Id", "ExpiresAt") VALUES (@p0, @p1) ON CONFLICT DO NOTHING""", 2);

    /// <summary>Deletes the rows of challenges that expired before <paramref name="now"/>: they can no longer be replayed.</summary>
    public static Task<int> DeleteExpiredAsync(PortalDbContext db, DateTime now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.UsedChallenges.Where(used => used.ExpiresAt < now).ExecuteDeleteAsync(ct);
    }
}
