using System.Net;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Accounts;
using TayNinhCchc.Web.Survey;
using TayNinhCchc.Web.Tests.Pages.DanhGia;
using TayNinhCchc.Web.Tests.Pages.QuanTri;

namespace TayNinhCchc.Web.Tests.Survey;

/// <summary>
/// A flagged rating (bot check failed) holds no dossier slot until it is accepted: a bot that guessed a dossier code
/// cannot lock the citizen out. The posts go through the real form: without the proof of work (a bot, flagged) and
/// with it (the citizen).
/// </summary>
public sealed class DossierSlotTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Duplicate = "Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.";

    private readonly HttpClient client = portal.CreatePortalClient();

    [Fact]
    public async Task A_genuine_rating_after_a_bot_post_is_stored_and_supersedes_the_flagged_one()
    {
        var bot = await PostAsync("000.00.19.H57-261206-0001", genuine: false);
        Assert.Equal(HttpStatusCode.Redirect, bot.Status);

        var citizen = await PostAsync("000.00.19.H57-261206-0001", genuine: true);

        Assert.Equal(HttpStatusCode.Redirect, citizen.Status);
        var flagged = await RatingAsync(bot.Receipt!);
        var genuine = await RatingAsync(citizen.Receipt!);
        Assert.Equal(ReviewState.Superseded, flagged.ReviewState);
        Assert.False(flagged.CountsInStatistics);
        Assert.Equal(ReviewState.NotNeeded, genuine.ReviewState);
        Assert.True(genuine.CountsInStatistics);
        Assert.Equal(flagged.DossierHash, genuine.DossierHash);

        using var admin = await portal.SignInNewUserAsync(PortalRoles.Administrator);
        var review = await admin.GetDocumentAsync("/quan-tri/kiem-duyet");
        Assert.Contains(review.QuerySelectorAll("[data-testid=superseded] .inbox__item"), item => item.TextContent.Contains(bot.Receipt!, StringComparison.Ordinal));
        Assert.DoesNotContain(review.QuerySelectorAll("form[action*='handler=Accept']"), form => form.GetAttribute("action")!.Contains($"id={flagged.Id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bot_post_for_a_dossier_already_rated_is_refused_as_a_duplicate()
    {
        var citizen = await PostAsync("000.00.19.H57-261206-0002", genuine: true);
        Assert.Equal(HttpStatusCode.Redirect, citizen.Status);

        var bot = await PostAsync("000.00.19.H57-261206-0002", genuine: false);

        Assert.Equal(HttpStatusCode.OK, bot.Status);
        Assert.Equal([("dossier", Duplicate)], bot.Errors);
        Assert.Equal(ReviewState.NotNeeded, (await RatingAsync(citizen.Receipt!)).ReviewState);
    }

    [Fact]
    public async Task A_rejected_bot_post_leaves_the_slot_free()
    {
        var bot = await PostAsync("000.00.19.H57-261206-0003", genuine: false);
        var flagged = await RatingAsync(bot.Receipt!);
        using var admin = await portal.SignInNewUserAsync(PortalRoles.Administrator);
        using (await admin.SubmitAsync("/quan-tri/kiem-duyet", $"form[action*='handler=Reject'][action*='id={flagged.Id}']"))
        {
        }

        var citizen = await PostAsync("000.00.19.H57-261206-0003", genuine: true);

        Assert.Equal(HttpStatusCode.Redirect, citizen.Status);
        Assert.Equal(ReviewState.Rejected, (await RatingAsync(bot.Receipt!)).ReviewState);
        Assert.True((await RatingAsync(citizen.Receipt!)).CountsInStatistics);
    }

    [Fact]
    public async Task Accepting_a_flagged_rating_after_a_genuine_one_took_the_slot_is_refused_with_a_message()
    {
        var bot = await PostAsync("000.00.19.H57-261206-0004", genuine: false);
        var flagged = await RatingAsync(bot.Receipt!);
        using var admin = await portal.SignInNewUserAsync(PortalRoles.Administrator);
        var staleReview = await admin.GetDocumentAsync("/quan-tri/kiem-duyet");
        var citizen = await PostAsync("000.00.19.H57-261206-0004", genuine: true);
        Assert.Equal(HttpStatusCode.Redirect, citizen.Status);
        var tallied = await TalliedAsync();

        using (await admin.SubmitAsync(staleReview, $"form[action*='handler=Accept'][action*='id={flagged.Id}']"))
        {
        }

        var view = await admin.GetDocumentAsync("/quan-tri/kiem-duyet");
        Assert.Equal(
            $"Không thể chấp nhận phiếu {bot.Receipt}: hồ sơ này đã có một phiếu hợp lệ khác được tính (mỗi hồ sơ chỉ được đánh giá một lần). Phiếu bị gắn cờ vẫn được giữ, không tính vào thống kê.",
            view.Text(".notice--success"));
        var after = await RatingAsync(bot.Receipt!);
        Assert.Equal(ReviewState.Superseded, after.ReviewState);
        Assert.False(after.CountsInStatistics);
        Assert.Equal(tallied, await TalliedAsync());
    }

    [Fact]
    public async Task Of_two_flagged_ratings_of_one_dossier_only_the_first_accepted_takes_the_slot()
    {
        var first = await PostAsync("000.00.19.H57-261206-0005", genuine: false);
        var second = await PostAsync("000.00.19.H57-261206-0005", genuine: false);
        Assert.Equal(HttpStatusCode.Redirect, second.Status);
        var (firstId, secondId) = ((await RatingAsync(first.Receipt!)).Id, (await RatingAsync(second.Receipt!)).Id);
        using var admin = await portal.SignInNewUserAsync(PortalRoles.Administrator);
        var review = await admin.GetDocumentAsync("/quan-tri/kiem-duyet");

        using (await admin.SubmitAsync(review, $"form[action*='handler=Accept'][action*='id={firstId}']"))
        {
        }

        using (await admin.SubmitAsync(review, $"form[action*='handler=Accept'][action*='id={secondId}']"))
        {
        }

        Assert.Equal(ReviewState.Accepted, (await RatingAsync(first.Receipt!)).ReviewState);
        Assert.Equal(ReviewState.Superseded, (await RatingAsync(second.Receipt!)).ReviewState);
        var view = await admin.GetDocumentAsync("/quan-tri/kiem-duyet");
        Assert.StartsWith($"Không thể chấp nhận phiếu {second.Receipt}:", view.Text(".notice--success"), StringComparison.Ordinal);

        var late = await PostAsync("000.00.19.H57-261206-0005", genuine: true);
        Assert.Equal([("dossier", Duplicate)], late.Errors);
    }

    private async Task<(HttpStatusCode Status, string? Receipt, IReadOnlyList<(string Target, string Message)> Errors)> PostAsync(string dossier, bool genuine)
    {
        var form = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).Set("Input.Dossier", dossier);
        using var response = await form.PostAsync(client, solveChallenge: genuine);
        return response.StatusCode == HttpStatusCode.Redirect
            ? (response.StatusCode, response.Location()!.Split("so=")[1], [])
            : (response.StatusCode, null, await SurveyForm.ErrorsAsync(response));
    }

    private Task<Rating> RatingAsync(string receipt) =>
        portal.QueryAsync(db => db.Ratings.AsNoTracking().SingleAsync(rating => rating.ReceiptNumber == receipt));

    private Task<int> TalliedAsync() =>
        portal.QueryAsync(db => db.RatingTallies.Where(tally => tally.ProcedureCode == string.Empty).SumAsync(tally => tally.Ratings));
}
