using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.BotProtection;

/// <summary>Where spent challenges are recorded, so each is accepted once across all nodes.</summary>
public interface IChallengeLedger
{
    /// <summary>Records the challenge as spent; false when it already was (a replay), on this node or another.</summary>
    Task<bool> TrySpendAsync(string id, DateTime expiresAt, DateTime now, CancellationToken ct = default);
}

/// <summary>
/// The <c>UsedChallenges</c> table. The primary key decides between racing posts on any node; expired rows are deleted
/// now and then by whichever node spends. This default spends in a transaction of its own; the portal registers its
/// rating writer instead, which spends inside the writer's grouped transactions (one disk flush for many).
/// </summary>
public sealed class DatabaseChallengeLedger(IServiceScopeFactory scopes) : IChallengeLedger
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(5);

    private long nextSweepTicks;

    /// <inheritdoc />
    public async Task<bool> TrySpendAsync(string id, DateTime expiresAt, DateTime now, CancellationToken ct = default)
    {
        // Its own context: the page's context may hold the submission being built, which must not be saved here.
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await SweepIfDueAsync(db, now, ct).ConfigureAwait(false);
            return await InsertAsync(db, id, expiresAt, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes expired rows when the last sweep on this node is more than five minutes old.</summary>
    public async Task SweepIfDueAsync(PortalDbContext db, DateTime now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sweepDue = now.Ticks >= Interlocked.Read(ref nextSweepTicks);
        if (sweepDue && Interlocked.Exchange(ref nextSweepTicks, (now + SweepInterval).Ticks) <= now.Ticks)
        {
            await db.UsedChallenges.Where(used => used.ExpiresAt < now).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>One spend in the caller's transaction: true when this insert was the first for <paramref name="id"/>.</summary>
    public static async Task<bool> InsertAsync(PortalDbContext db, string id, DateTime expiresAt, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        // ON CONFLICT DO NOTHING (same syntax in SQLite and PostgreSQL) makes a replay an ordinary answer of zero rows
        // instead of a logged database error.
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "UsedChallenges" ("Id", "ExpiresAt") VALUES ({id}, {expiresAt}) ON CONFLICT DO NOTHING""", ct)
            .ConfigureAwait(false);
        return inserted == 1;
    }
}
