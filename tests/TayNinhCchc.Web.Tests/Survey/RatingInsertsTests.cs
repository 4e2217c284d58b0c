using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Tests.Survey;

public sealed class RatingInsertsTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_receipt_number_drawn_twice_gets_a_fresh_one_and_the_rating_is_kept()
    {
        // Arrange
        using var portal = new PortalFactory();
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var fresh = new Queue<string>(["DG-AAAA-AAAA", "DG-BBBB-BBBB"]);
        var first = NewRating("DG-AAAA-AAAA", dossier: null);
        var second = NewRating("DG-AAAA-AAAA", dossier: [1, 2, 3]);

        // Act
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            using var inserts = new RatingInserts(db, fresh.Dequeue);
            Assert.True(await inserts.TryInsertAsync(first));
            Assert.True(await inserts.TryInsertAsync(second));
            await transaction.CommitAsync();
        }

        // Assert: the second draw collided again ("DG-AAAA-AAAA"), the third was free.
        Assert.Equal("DG-BBBB-BBBB", second.ReceiptNumber);
        var stored = await db.Ratings.AsNoTracking().Include(rating => rating.Answers).OrderBy(rating => rating.Id).ToListAsync();
        Assert.Equal(["DG-AAAA-AAAA", "DG-BBBB-BBBB"], stored.Select(rating => rating.ReceiptNumber));
        Assert.Equal([first.Id, second.Id], stored.Select(rating => rating.Id));
        Assert.All(stored, rating => Assert.Equal(["chi-so-1", "tong-the"], rating.Answers.Select(answer => answer.CriterionCode).Order(StringComparer.Ordinal)));
        Assert.Equal("Chờ lâu", stored[1].Answers.Single(answer => answer.CriterionCode == "tong-the").Reason);
        Assert.Equal(Now, DateTime.SpecifyKind(stored[1].SubmittedAt, DateTimeKind.Utc));
        Assert.Equal(RatingChannel.Post, stored[1].Channel);
        Assert.Equal(CommentState.New, stored[1].CommentState);
    }

    [Fact]
    public async Task A_dossier_rated_already_is_left_out_and_the_rest_of_the_group_is_kept()
    {
        // Arrange
        using var portal = new PortalFactory();
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var receipts = 0;

        // Act: the duplicate comes between two good ratings of one transaction.
        bool[] results;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            using var inserts = new RatingInserts(db, () => $"DG-NEW{++receipts}");
            results =
            [
                await inserts.TryInsertAsync(NewRating("DG-0001", dossier: [9, 9])),
                await inserts.TryInsertAsync(NewRating("DG-0002", dossier: [9, 9])),
                await inserts.TryInsertAsync(NewRating("DG-0003", dossier: [7])),
            ];
            await transaction.CommitAsync();
        }

        // Assert
        Assert.Equal([true, false, true], results);
        Assert.Equal(0, receipts);
        Assert.Equal(["DG-0001", "DG-0003"], await db.Ratings.OrderBy(rating => rating.Id).Select(rating => rating.ReceiptNumber).ToListAsync());
        Assert.Equal(4, await db.Set<RatingAnswer>().CountAsync());
    }

    [Fact]
    public async Task Statements_refuse_to_run_outside_a_transaction()
    {
        using var portal = new PortalFactory();
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        Assert.Throws<InvalidOperationException>(() => new RatingInserts(db, () => "DG-X"));
    }

    private static Rating NewRating(string receipt, byte[]? dossier) => new()
    {
        ReceiptNumber = receipt,
        AgencyCode = "so-tu-phap",
        DossierHash = dossier,
        Channel = RatingChannel.Post,
        CriteriaVersion = "tt01-2018-v1",
        SubmittedAt = Now,
        Year = 2026,
        Month = 11,
        Comment = "Góp ý",
        CommentState = CommentState.New,
        ReviewState = ReviewState.NotNeeded,
        CountsInStatistics = true,
        Answers =
        [
            new RatingAnswer { CriterionCode = "chi-so-1", Value = 2 },
            new RatingAnswer { CriterionCode = "tong-the", Value = 1, Reason = "Chờ lâu" },
        ],
    };
}
