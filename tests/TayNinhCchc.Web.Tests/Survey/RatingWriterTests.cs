using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.BotProtection;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Survey;
using TayNinhCchc.Web.Tests.Pages.QuanTri;

namespace TayNinhCchc.Web.Tests.Survey;

/// <summary>
/// The survey form's challenge is spent by the writer, in the rating's own transaction: the database's primary key on
/// <c>UsedChallenges</c> still lets exactly one post count, and the others are stored flagged, never dropped.
/// </summary>
public sealed class RatingWriterTests
{
    [Fact]
    public async Task Posts_carrying_one_challenge_store_one_counted_rating_and_the_rest_flagged_as_replayed()
    {
        // Arrange
        using var portal = new PortalFactory();
        var challenge = NewChallenge(portal);
        var (set, submissions) = await SubmissionsAsync(portal, "so-tu-phap", count: 4);

        // Act: at once, so that some of them share a group.
        var results = await Task.WhenAll(submissions.Select(submission => RecordAsync(portal, set, submission, challenge)));

        // Assert
        Assert.All(results, result => Assert.True(result.Saved));
        var stored = await portal.QueryAsync(db => db.Ratings.AsNoTracking().ToListAsync());
        var counted = Assert.Single(stored, rating => !rating.IsFlagged);
        Assert.True(counted.CountsInStatistics);
        Assert.All(stored.Where(rating => rating.IsFlagged), rating =>
        {
            Assert.Equal(BotCheckErrors.Replayed, rating.FlagReasons);
            Assert.False(rating.CountsInStatistics);
            Assert.Equal(ReviewState.Pending, rating.ReviewState);
        });
        Assert.Equal(1, await portal.QueryAsync(db => db.RatingTallies.Where(tally => tally.AgencyCode == "so-tu-phap").SumAsync(tally => tally.Ratings)));
        Assert.Equal(challenge.Id, Assert.Single(await portal.QueryAsync(db => db.UsedChallenges.Select(used => used.Id).ToListAsync())));
    }

    [Fact]
    public async Task A_replay_keeps_the_reasons_the_check_already_found()
    {
        // Arrange
        using var portal = new PortalFactory();
        var challenge = NewChallenge(portal);
        var (set, submissions) = await SubmissionsAsync(portal, "so-noi-vu", count: 2);

        // Act
        await RecordAsync(portal, set, submissions[0], challenge);
        await RecordAsync(portal, set, submissions[1] with { FlagReasons = [BotCheckErrors.TooFast] }, challenge);

        // Assert
        var reasons = await portal.QueryAsync(db => db.Ratings.OrderBy(rating => rating.Id).Select(rating => rating.FlagReasons).ToListAsync());
        Assert.Equal([null, $"{BotCheckErrors.TooFast},{BotCheckErrors.Replayed}"], reasons);
    }

    [Fact]
    public async Task A_post_left_out_as_a_duplicate_dossier_still_spends_its_challenge()
    {
        // Arrange
        using var portal = new PortalFactory();
        var (set, submissions) = await SubmissionsAsync(portal, "so-tai-chinh", count: 2);
        var first = NewChallenge(portal);
        var second = NewChallenge(portal);
        await RecordAsync(portal, set, submissions[0] with { DossierCode = "HS-TRUNG-01" }, first);

        // Act
        var duplicate = await RecordAsync(portal, set, submissions[1] with { DossierCode = "HS-TRUNG-01" }, second);

        // Assert
        Assert.False(duplicate.Saved);
        var spent = await portal.QueryAsync(db => db.UsedChallenges.Select(used => used.Id).ToListAsync());
        Assert.Equal(new[] { first.Id, second.Id }.Order(StringComparer.Ordinal), spent.Order(StringComparer.Ordinal));
        Assert.Equal(1, await portal.QueryAsync(db => db.Ratings.CountAsync()));
    }

    private static ChallengeSpend NewChallenge(PortalFactory portal)
    {
        var now = portal.Time.GetUtcNow().UtcDateTime;
        return new ChallengeSpend(Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('='), now.AddMinutes(30), now);
    }

    private static async Task<RecordResult> RecordAsync(PortalFactory portal, CriteriaSet set, RatingSubmission submission, ChallengeSpend challenge)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RatingRecorder>().RecordAsync(set, submission, challenge);
    }

    private static async Task<(CriteriaSet Set, RatingSubmission[] Submissions)> SubmissionsAsync(PortalFactory portal, string agency, int count)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var set = await scope.ServiceProvider.GetRequiredService<CriteriaRegistry>().CurrentAsync(db)
            ?? throw new InvalidOperationException("No criteria set in force.");
        var answers = set.Criteria.ToDictionary(criterion => criterion.Code, criterion => criterion.Options.First(option => !option.ReasonRequired).Value, StringComparer.Ordinal);
        var submissions = Enumerable.Range(1, count)
            .Select(number => new RatingSubmission(agency, null, $"HS-GHI-{number:D2}", RatingChannel.InPerson, answers, new Dictionary<string, string>(), null, "203.0.113.9", []))
            .ToArray();
        return (set, submissions);
    }
}
