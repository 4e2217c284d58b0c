using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.Survey;

/// <summary>
/// Keeps the promise of the privacy notice: after <see cref="SurveyOptions.RetentionMonths"/>, a rating's comment,
/// reasons and client hash are erased. The answers stay, since they identify no one and the published statistics
/// are built from them.
/// </summary>
public sealed partial class RetentionSweep(IServiceScopeFactory scopes, IOptions<SurveyOptions> options, TimeProvider time, ILogger<RetentionSweep> logger)
    : BackgroundService
{
    /// <summary>Erases what has passed its retention period; returns how many ratings were touched.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddMonths(-options.Value.RetentionMonths);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var expired = db.Ratings.Where(rating => rating.SubmittedAt < cutoff);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.RatingAnswers
            .Where(answer => answer.Reason != null && expired.Any(rating => rating.Id == answer.RatingId))
            .ExecuteUpdateAsync(set => set.SetProperty(answer => answer.Reason, (string?)null), cancellationToken);
        var touched = await expired
            .Where(rating => rating.Comment != null || rating.ClientHash != null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(rating => rating.Comment, (string?)null)
                .SetProperty(rating => rating.CommentState, (CommentState?)null)
                .SetProperty(rating => rating.ClientHash, (byte[]?)null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return touched;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(6), time);
        do
        {
            try
            {
                var touched = await SweepAsync(stoppingToken);
                if (touched > 0)
                {
                    LogSwept(touched);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed sweep is retried at the next tick; it must not take the portal down.
                LogSweepFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased comments, reasons and client hashes of {Count} ratings past their retention period.")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention sweep failed.")]
    private partial void LogSweepFailed(Exception exception);
}
