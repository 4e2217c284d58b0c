using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Survey;
using TayNinhCchc.Web.Tests.Pages.QuanTri;

namespace TayNinhCchc.Web.Tests.Survey;

/// <summary>
/// One rating the database refuses must not fail the other citizens' ratings written in the same group: they are
/// stored and acknowledged, and only the bad one's sender gets an error. The group is made certain by holding the
/// database's write lock while the ratings queue up behind it.
/// </summary>
public sealed class RatingWriterIsolationTests
{
    [Fact]
    public async Task A_rating_whose_insert_fails_fails_alone_and_the_rest_of_its_group_is_stored()
    {
        // Arrange: a rating answering one criterion twice breaks the answers' primary key, on both providers.
        using var portal = new PortalFactory();
        var set = await CurrentSetAsync(portal);
        var writer = portal.Services.GetRequiredService<RatingWriter>();
        var good = Enumerable.Range(1, 6).Select(number => NewRating(set, $"HS-TOT-{number}")).ToList();
        var bad = NewRating(set, "HS-HONG-1");
        bad.Answers.Add(new RatingAnswer { CriterionCode = bad.Answers[0].CriterionCode, Value = bad.Answers[0].Value });

        // Act
        var (goodWrites, badWrite) = await WhileLockedAsync(portal, () =>
            (good.Take(3).Select(rating => writer.WriteAsync(set, rating)).ToList(),
             writer.WriteAsync(set, bad),
             good.Skip(3).Select(rating => writer.WriteAsync(set, rating)).ToList()));

        // Assert
        Assert.All(await Task.WhenAll(goodWrites), Assert.True);
        await Assert.ThrowsAsync<RatingWriteFailedException>(() => badWrite);
        var stored = await portal.QueryAsync(db => db.Ratings.AsNoTracking().Select(rating => rating.ReceiptNumber).ToListAsync());
        Assert.Equal(good.Select(rating => rating.ReceiptNumber).Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        Assert.Equal(6, await portal.QueryAsync(db => db.RatingTallies.Where(tally => tally.ProcedureCode == string.Empty).SumAsync(tally => tally.Ratings)));
    }

    [PostgresFact]
    [Trait("Provider", "Postgres")]
    public async Task On_postgresql_a_comment_longer_than_its_column_fails_only_its_own_rating()
    {
        // Arrange: the case, a comment that grew past varchar(1000) (the form now refuses it before it gets here).
        using var portal = new PortalFactory();
        var set = await CurrentSetAsync(portal);
        var writer = portal.Services.GetRequiredService<RatingWriter>();
        var good = Enumerable.Range(1, 4).Select(number => NewRating(set, $"HS-DAI-{number}")).ToList();
        var bad = NewRating(set, "HS-DAI-X");
        bad.Comment = new string('x', Rating.MaxCommentLength + 1);
        bad.CommentState = CommentState.New;

        // Act
        var (goodWrites, badWrite) = await WhileLockedAsync(portal, () =>
            (good.Take(2).Select(rating => writer.WriteAsync(set, rating)).ToList(),
             writer.WriteAsync(set, bad),
             good.Skip(2).Select(rating => writer.WriteAsync(set, rating)).ToList()));

        // Assert
        Assert.All(await Task.WhenAll(goodWrites), Assert.True);
        var failure = await Assert.ThrowsAsync<RatingWriteFailedException>(() => badWrite);
        Assert.IsAssignableFrom<PostgresException>(failure.InnerException);
        Assert.Equal(4, await portal.QueryAsync(db => db.Ratings.CountAsync()));
    }

    /// <summary>
    /// Queues the writes while another connection holds the write lock, so the writer's group is blocked and the
    /// writes queued behind it share the next group (with the bad one between good ones, it shares a group with good
    /// ones whichever way the writer splits them); then lets go.
    /// </summary>
    private static async Task<(List<Task<bool>> Good, Task<bool> Bad)> WhileLockedAsync(
        PortalFactory portal, Func<(List<Task<bool>> Before, Task<bool> Bad, List<Task<bool>> After)> write)
    {
        // Start the host (and its writer) before taking the lock.
        _ = portal.Services.GetRequiredService<RatingWriter>();
        await using var connection = Open(portal.ConnectionString);
        await connection.OpenAsync();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = connection is SqliteConnection ? "BEGIN IMMEDIATE" : """BEGIN; LOCK TABLE "Ratings" IN EXCLUSIVE MODE""";
            await command.ExecuteNonQueryAsync();
        }

        var (before, bad, after) = write();
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.False(before.Concat(after).Append(bad).Any(task => task.IsCompleted), "the writer was not held by the lock");
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "ROLLBACK";
            await command.ExecuteNonQueryAsync();
        }

        return ([.. before, .. after], bad);
    }

    private static DbConnection Open(string connectionString) =>
        PortalFactory.Provider == "Postgres" ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);

    private static async Task<CriteriaSet> CurrentSetAsync(PortalFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await scope.ServiceProvider.GetRequiredService<CriteriaRegistry>().CurrentAsync(db)
            ?? throw new InvalidOperationException("No criteria set in force.");
    }

    private static Rating NewRating(CriteriaSet set, string receipt)
    {
        var now = new DateTime(2026, 11, 28, 3, 0, 0, DateTimeKind.Utc);
        return new Rating
        {
            ReceiptNumber = receipt,
            AgencyCode = "so-tu-phap",
            CriteriaVersion = set.Version,
            Channel = RatingChannel.InPerson,
            SubmittedAt = now,
            Year = 2026,
            Month = 11,
            ReviewState = ReviewState.NotNeeded,
            CountsInStatistics = true,
            Answers = set.Criteria
                .Select(criterion => new RatingAnswer { CriterionCode = criterion.Code, Value = criterion.Options.First(option => !option.ReasonRequired).Value })
                .ToList(),
        };
    }
}
