using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.BotProtection;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.Survey;

/// <summary>
/// The one writer of ratings on this node. Concurrent submissions are queued and written in groups: one transaction
/// (one disk flush) for every rating waiting at that moment; a rating whose dossier was rated already is left out
/// alone (<see cref="RatingInserts"/>). Nobody is answered before the group's commit has returned, so an acknowledged
/// rating is on disk.
/// Without grouping, 32 citizens at once would each wait for the database lock and for their own flush.
/// When a group fails, none of it is on disk and each of its jobs is written again in a transaction of its own, so one
/// rating the database refuses is refused alone (<see cref="RatingWriteFailedException"/>) and the others are stored.
/// Anti-bot challenges are spent in the same groups (the writer answers <see cref="IChallengeLedger"/>; what a spend
/// does is <see cref="ChallengeLedger"/>'s): a second writer beside it would contend for SQLite's single write lock and
/// flush once per post.
/// </summary>
public sealed partial class RatingWriter(
    IServiceScopeFactory scopes,
    CriteriaRegistry registry,
    ChallengeLedger ledger,
    ILogger<RatingWriter> logger) : BackgroundService, IChallengeLedger
{
    /// <summary>Most ratings in one transaction: bounds the time the first of them waits.</summary>
    private const int MaxGroupSize = 256;

    private readonly Channel<Job> queue = Channel.CreateBounded<Job>(new BoundedChannelOptions(10_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Queues a rating and completes when its group has committed: true when saved, false for a duplicate dossier.</summary>
    public Task<bool> WriteAsync(CriteriaSet set, Rating rating, CancellationToken cancellationToken = default) =>
        WriteAsync(set, rating, challenge: null, cancellationToken);

    /// <summary>
    /// As <see cref="WriteAsync(CriteriaSet, Rating, CancellationToken)"/>, spending <paramref name="challenge"/> in the
    /// same transaction just before the rating: found spent already, the rating is stored flagged as replayed. Even a
    /// rating left out as a duplicate dossier spends it.
    /// </summary>
    /// <exception cref="RatingWriteFailedException">The database refused this rating (written alone); nothing of it is stored.</exception>
    public async Task<bool> WriteAsync(CriteriaSet set, Rating rating, ChallengeSpend? challenge, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(set, rating, challenge, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        await queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Done.Task;
    }

    /// <inheritdoc />
    public async Task<bool> TrySpendAsync(string id, DateTime expiresAt, DateTime now, CancellationToken ct = default)
    {
        var spend = new Spend(id, expiresAt, now, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        await queue.Writer.WriteAsync(spend, ct);
        return await spend.Done.Task;
    }

    // Every acknowledgement waits for this one loop. On the thread pool, each of its wake-ups would queue behind the very
    // request work that waits for it; on a thread of its own it is woken directly (tests/bench/README.md has the figures).
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => WriteUntilStopped(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void WriteUntilStopped(CancellationToken stoppingToken)
    {
        var group = new List<Job>(MaxGroupSize);
        try
        {
            while (queue.Reader.WaitToReadAsync(stoppingToken).AsTask().GetAwaiter().GetResult())
            {
                while (group.Count < MaxGroupSize && queue.Reader.TryRead(out var pending))
                {
                    group.Add(pending);
                }

                WriteGroupAsync(group).GetAwaiter().GetResult();
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
            WriteGroupAsync(group).GetAwaiter().GetResult();
        }
    }

    private async Task WriteGroupAsync(List<Job> group)
    {
        try
        {
            await CommitAsync(group);
            return;
        }
        catch (Exception ex) when (group.Count > 1)
        {
            // Nothing of this group is on disk. One job the database refuses (a crafted comment, a constraint) must not
            // turn away everyone who shared its transaction: each is written again alone, and only the bad one fails.
            LogGroupRetriedAlone(ex, group.Count);
        }
        catch (Exception ex)
        {
            Fail(group[0], ex);
            return;
        }

        foreach (var job in group)
        {
            try
            {
                await CommitAsync([job]);
            }
            catch (Exception ex)
            {
                Fail(job, ex);
            }
        }
    }

    private void Fail(Job job, Exception exception)
    {
        LogJobFailed(exception, job is Pending ? "rating" : "challenge spend");
        job.Done.TrySetException(job is Pending ? new RatingWriteFailedException(exception) : exception);
    }

    /// <summary>Writes the jobs in one transaction and answers them once it has committed; throws when it did not.</summary>
    private async Task CommitAsync(IReadOnlyList<Job> group)
    {
        var ratings = group.OfType<Pending>().ToList();
        var spends = group.OfType<Spend>().ToList();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var saved = new List<Pending>(ratings.Count);
        var spent = new HashSet<Spend>();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            saved.Clear();
            spent.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            using var challenges = ledger.Open(db);
            var spentAt = spends.FirstOrDefault()?.Now ?? ratings.FirstOrDefault(pending => pending.Challenge is not null)?.Challenge!.Now;
            if (spentAt is { } now)
            {
                await challenges.SweepIfDueAsync(now);
            }

            foreach (var spend in spends)
            {
                if (await challenges.TrySpendAsync(spend.Id, spend.ExpiresAt))
                {
                    spent.Add(spend);
                }
            }

            foreach (var set in ratings.Select(pending => pending.Set).DistinctBy(set => set.Version))
            {
                await registry.FreezeAsync(db, set);
            }

            if (ratings.Count > 0)
            {
                using var inserts = new RatingInserts(db, RatingRecorder.NewReceiptNumber);
                foreach (var pending in ratings)
                {
                    // As submitted: an earlier attempt of this group, rolled back, may have flagged it as replayed.
                    pending.RestoreFlags();

                    // The primary key decides, in this transaction, whether this post was the challenge's first.
                    if (pending.Challenge is { } challenge && !await challenges.TrySpendAsync(challenge.Id, challenge.ExpiresAt))
                    {
                        RatingRecorder.FlagReplayed(pending.Rating);
                    }

                    if (await inserts.TryInsertAsync(pending.Rating))
                    {
                        saved.Add(pending);
                    }
                }

                await inserts.SupersedeFlaggedAsync();
            }

            await RatingTallies.AddAsync(db, saved.Where(pending => pending.Rating.CountsInStatistics).Select(pending => (pending.Set, pending.Rating)));
            await transaction.CommitAsync();
        });

        var savedSet = saved.ToHashSet();
        foreach (var pending in ratings)
        {
            pending.Done.TrySetResult(savedSet.Contains(pending));
        }

        foreach (var spend in spends)
        {
            spend.Done.TrySetResult(spent.Contains(spend));
        }
    }

    private abstract record Job(TaskCompletionSource<bool> Done);

    private sealed record Pending(CriteriaSet Set, Rating Rating, ChallengeSpend? Challenge, TaskCompletionSource<bool> Done) : Job(Done)
    {
        private readonly (bool IsFlagged, string? FlagReasons, ReviewState ReviewState, bool CountsInStatistics) submitted =
            (Rating.IsFlagged, Rating.FlagReasons, Rating.ReviewState, Rating.CountsInStatistics);

        public void RestoreFlags() =>
            (Rating.IsFlagged, Rating.FlagReasons, Rating.ReviewState, Rating.CountsInStatistics) = submitted;
    }

    private sealed record Spend(string Id, DateTime ExpiresAt, DateTime Now, TaskCompletionSource<bool> Done) : Job(Done);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing a group of {Count} jobs failed; each is written again alone.")]
    private partial void LogGroupRetriedAlone(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing a {Job} failed; only its sender is told.")]
    private partial void LogJobFailed(Exception exception, string job);
}

/// <summary>A rating the database refused; nothing of it is stored, and no other citizen's rating failed with it.</summary>
public sealed class RatingWriteFailedException(Exception innerException)
    : Exception("The rating could not be written; it was not stored.", innerException);
