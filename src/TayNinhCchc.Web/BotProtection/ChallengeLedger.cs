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

    /// <summary>One spend: true when this insert was the first for <paramref name="id"/> (the primary key decides).</summary>
    public static async Task<bool> TrySpendAsync(PortalDbContext db, string id, DateTime expiresAt, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        // ON CONFLICT DO NOTHING (same syntax in SQLite and PostgreSQL) makes a replay an ordinary answer of zero rows
        // instead of a logged database error.
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "UsedChallenges" ("Id", "ExpiresAt") VALUES ({id}, {expiresAt}) ON CONFLICT DO NOTHING""", ct)
            .ConfigureAwait(false);
        return inserted == 1;
    }

    /// <summary>Deletes the rows of challenges that expired before <paramref name="now"/>: they can no longer be replayed.</summary>
    public static Task<int> DeleteExpiredAsync(PortalDbContext db, DateTime now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.UsedChallenges.Where(used => used.ExpiresAt < now).ExecuteDeleteAsync(ct);
    }
}
