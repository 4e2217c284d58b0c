using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.Survey;

/// <summary>
/// The one writer of ratings on this node. Concurrent submissions are queued and written in groups: one transaction
/// (one disk flush) for every rating waiting at that moment, each inside its own savepoint so a duplicate dossier
/// fails alone. Nobody is answered before the group's commit has returned, so an acknowledged rating is on disk.
/// Without grouping, 32 citizens at once would each wait for the database lock and for their own flush.
/// </summary>
public sealed partial class RatingWriter(IServiceScopeFactory scopes, CriteriaRegistry registry, ILogger<RatingWriter> logger) : BackgroundService
{
    /// <summary>Most ratings in one transaction: bounds the time the first of them waits.</summary>
    private const int MaxGroupSize = 256;

    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(10_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Queues a rating and completes when its group has committed: true when saved, false for a duplicate dossier.</summary>
    public async Task<bool> WriteAsync(CriteriaSet set, Rating rating, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(set, rating, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        await queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<Pending>(MaxGroupSize);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (group.Count < MaxGroupSize && queue.Reader.TryRead(out var pending))
                {
                    group.Add(pending);
                }

                await WriteGroupAsync(group);
                group.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what was queued is still written below, so no waiting citizen is left without an answer.
        }

        queue.Writer.TryComplete();
        while (queue.Reader.TryRead(out var pending))
        {
            group.Add(pending);
        }

        if (group.Count > 0)
        {
            await WriteGroupAsync(group);
        }
    }

    private async Task WriteGroupAsync(List<Pending> group)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var saved = new List<Pending>(group.Count);
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                saved.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync();
                foreach (var set in group.Select(pending => pending.Set).DistinctBy(set => set.Version))
                {
                    await registry.FreezeAsync(db, set);
                }

                foreach (var pending in group)
                {
                    await transaction.CreateSavepointAsync("rating");
                    db.Ratings.Add(pending.Rating);
                    try
                    {
                        await db.SaveChangesAsync();
                        await transaction.ReleaseSavepointAsync("rating");
                        saved.Add(pending);
                    }
                    catch (DbUpdateException) when (pending.Rating.DossierHash is not null)
                    {
                        // The unique index on the dossier hash: rated already (perhaps earlier in this very group).
                        await transaction.RollbackToSavepointAsync("rating");
                    }
                    finally
                    {
                        db.ChangeTracker.Clear();
                    }
                }

                await RatingTallies.AddAsync(db, saved.Where(pending => pending.Rating.CountsInStatistics).Select(pending => (pending.Set, pending.Rating)));
                await transaction.CommitAsync();
            });

            var savedSet = saved.ToHashSet();
            foreach (var pending in group)
            {
                pending.Done.TrySetResult(savedSet.Contains(pending));
            }
        }
        catch (Exception ex)
        {
            // Nothing of this group is on disk: every citizen in it gets an error page, none a receipt.
            LogGroupFailed(ex, group.Count);
            foreach (var pending in group)
            {
                pending.Done.TrySetException(ex);
            }
        }
    }

    private sealed record Pending(CriteriaSet Set, Rating Rating, TaskCompletionSource<bool> Done);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing a group of {Count} ratings failed; none was acknowledged.")]
    private partial void LogGroupFailed(Exception exception, int count);
}
