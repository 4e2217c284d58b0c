using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.BotProtection;

/// <summary>What the bot checks ask of the ledger: spend a challenge once, across all nodes.</summary>
/// <remarks>
/// On this portal the rating writer answers it: a spend is queued onto the writer's next group so that it shares that
/// group's transaction (a second writer beside it would contend for SQLite's single write lock and flush once per post);
/// what a spend does in that transaction is <see cref="ChallengeLedger"/>'s.
/// </remarks>
public interface IChallengeLedger
{
    /// <summary>Records the challenge as spent; false when it already was (a replay), on this node or another.</summary>
    Task<bool> TrySpendAsync(string id, DateTime expiresAt, DateTime now, CancellationToken ct = default);
}

/// <summary>
/// The ledger of spent anti-bot challenges: the <c>UsedChallenges</c> table, one row per spent challenge id, whose
/// primary key decides which post was a challenge's first. It writes only inside a transaction its caller opened
/// (<see cref="Open"/>), and deletes the rows of expired challenges — which can no longer be replayed — at most once
/// per <see cref="SweepInterval"/> on each node. One instance per node (it remembers when it last swept); used by one
/// writer loop at a time.
/// </summary>
public sealed class ChallengeLedger
{
    /// <summary>How often a node deletes the rows of expired challenges.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(5);

    private DateTime nextSweep = DateTime.MinValue;

    /// <summary>The ledger inside <paramref name="db"/>'s open transaction; dispose it before the transaction ends.</summary>
    internal Entries Open(PortalDbContext db) => new(this, db);

    /// <summary>Deletes the rows of challenges that expired before <paramref name="now"/>: they can no longer be replayed.</summary>
    public static Task<int> DeleteExpiredAsync(PortalDbContext db, DateTime now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.UsedChallenges.Where(used => used.ExpiresAt < now).ExecuteDeleteAsync(ct);
    }

    /// <summary>The ledger's statements in one transaction.</summary>
    internal sealed class Entries(ChallengeLedger ledger, PortalDbContext db) : IDisposable
    {
        private PreparedStatement? spend;

        /// <summary>Deletes expired rows when the last sweep on this node is older than <see cref="SweepInterval"/>.</summary>
        public async Task SweepIfDueAsync(DateTime now)
        {
            if (now < ledger.nextSweep)
            {
                return;
            }

            await DeleteExpiredAsync(db, now);
            ledger.nextSweep = now + SweepInterval;
        }

        /// <summary>
        /// Spends the challenge: true when this was the first spend of the id, false for a replay. ON CONFLICT DO NOTHING
        /// (same syntax in SQLite and PostgreSQL) makes a replay an ordinary answer instead of a logged database error.
        /// </summary>
        public async Task<bool> TrySpendAsync(string id, DateTime expiresAt)
        {
            spend ??= new PreparedStatement(db, """INSERT INTO "UsedChallenges" ("Id", "ExpiresAt") VALUES (@p0, @p1) ON CONFLICT DO NOTHING""", 2);
            return await spend.ExecuteAsync(id, expiresAt) == 1;
        }

        public void Dispose() => spend?.Dispose();
    }
}
