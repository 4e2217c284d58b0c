using System.Net;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Accounts;
using TayNinhCchc.Web.BotProtection;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Survey;
using TayNinhCchc.Web.Tests.Pages.QuanTri;

namespace TayNinhCchc.Web.Tests.Pages.DanhGia;

/// <summary>
/// The survey form's anti-bot checks through real HTTP: a submission that fails one is never dropped — the citizen gets
/// a receipt, the rating is stored flagged with the reason, left out of the tallies and waits for review.
/// </summary>
public sealed class BotProtectionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly HttpClient client = portal.CreatePortalClient();

    [Fact]
    public async Task The_form_carries_a_challenge_a_honeypot_and_the_scripts()
    {
        var document = await client.GetDocumentAsync("/danh-gia");

        var widget = document.QuerySelector("form [data-bot-protection=pow]");
        Assert.NotNull(widget);
        Assert.Equal(Web.Pages.DanhGia.IndexModel.BotAction, widget.GetAttribute("data-action"));
        Assert.NotEmpty(document.QuerySelector($"input[name='{BotProtectionFields.Challenge}']")!.GetAttribute("value")!);
        Assert.NotNull(document.QuerySelector($".bot-protection__trap input[name='{BotProtectionFields.Honeypot}'][tabindex='-1']"));
        Assert.NotNull(document.QuerySelector("script[src^='/js/bot-protection.js']"));
    }

    [Fact]
    public async Task A_submission_without_javascript_is_stored_flagged_kept_out_of_the_tallies_and_queued_for_review()
    {
        var agency = "so-ngoai-vu";
        var tallied = await TalliedAsync(agency);
        var form = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).Set("Input.Agency", agency);

        using var response = await form.PostAsync(client, solveChallenge: false);

        var rating = await StoredAsync(response);
        Assert.True(rating.IsFlagged);
        Assert.Equal(BotCheckErrors.InsufficientWork, rating.FlagReasons);
        Assert.False(rating.CountsInStatistics);
        Assert.Equal(ReviewState.Pending, rating.ReviewState);
        Assert.Equal(tallied, await TalliedAsync(agency));

        using var admin = await portal.SignInNewUserAsync(PortalRoles.Administrator);
        var queue = await admin.GetDocumentAsync("/quan-tri/kiem-duyet");
        var item = queue.QuerySelectorAll(".inbox__item").Single(candidate => candidate.TextContent.Contains(rating.ReceiptNumber, StringComparison.Ordinal));
        Assert.Contains("Trình duyệt chưa hoàn tất phép tính chống gửi tự động.", item.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_solved_challenge_counts_and_the_same_challenge_sent_again_is_flagged_as_replayed()
    {
        var agency = "so-khoa-hoc-va-cong-nghe";
        var tallied = await TalliedAsync(agency);
        var form = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).Set("Input.Agency", agency);

        using var first = await form.PostAsync(client);
        using var replay = await form.PostAsync(client);

        var accepted = await StoredAsync(first);
        Assert.False(accepted.IsFlagged);
        Assert.True(accepted.CountsInStatistics);
        var replayed = await StoredAsync(replay);
        Assert.True(replayed.IsFlagged);
        Assert.Equal(BotCheckErrors.Replayed, replayed.FlagReasons);
        Assert.Equal(tallied + 1, await TalliedAsync(agency));
    }

    [Fact]
    public async Task A_validation_error_spends_the_challenge_and_the_form_comes_back_with_a_new_one()
    {
        var form = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).Set("Input.Consent", null);

        using var refused = await form.PostAsync(client);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = await SurveyForm.FromResponseAsync(refused);
        Assert.NotEqual(form.Challenge, again.Challenge);
        using var sent = await again.With(SurveyForm.Valid).PostAsync(client);
        Assert.False((await StoredAsync(sent)).IsFlagged);

        // The refused post's challenge was spent although nothing was stored: corrected and sent again, it is a replay.
        using var reused = await form.Set("Input.Consent", "dong-y").PostAsync(client);
        var replayed = await StoredAsync(reused);
        Assert.True(replayed.IsFlagged);
        Assert.Equal(BotCheckErrors.Replayed, replayed.FlagReasons);
    }

    [Fact]
    public async Task A_filled_honeypot_is_flagged()
    {
        var form = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).Set(BotProtectionFields.Honeypot, "https://spam.example");

        using var response = await form.PostAsync(client);

        Assert.Equal(BotCheckErrors.Honeypot, (await StoredAsync(response)).FlagReasons);
    }

    [Fact]
    public async Task A_forged_challenge_is_flagged()
    {
        var form = await SurveyForm.OpenAsync(client);
        var forged = form.Challenge[..^2] + (form.Challenge[^2..] == "AA" ? "BB" : "AA");
        form.With(SurveyForm.Valid).Set(BotProtectionFields.Challenge, forged);

        using var response = await form.PostAsync(client);

        Assert.Equal(BotCheckErrors.BadSignature, (await StoredAsync(response)).FlagReasons);
    }

    [Fact]
    public async Task A_form_left_open_past_the_challenge_lifetime_is_flagged_as_expired()
    {
        using var late = PortalFactory.ForContent(RepositoryPaths.Content);
        using var lateClient = late.CreatePortalClient();
        var form = (await SurveyForm.OpenAsync(lateClient)).With(SurveyForm.Valid);

        late.Time.Advance(TimeSpan.FromMinutes(31));
        using var response = await form.PostAsync(lateClient);

        Assert.Equal(BotCheckErrors.Expired, (await StoredAsync(response, late)).FlagReasons);
    }

    [Fact]
    public async Task A_form_sent_sooner_than_the_minimum_fill_time_is_flagged_and_one_sent_later_is_not()
    {
        using var timed = PortalFactory.ForContent(RepositoryPaths.Content, settings: new Dictionary<string, string>
        {
            ["BotProtection:MinimumFillTime"] = "00:00:03",
        });
        using var timedClient = timed.CreatePortalClient();

        var hasty = (await SurveyForm.OpenAsync(timedClient)).With(SurveyForm.Valid);
        using var tooFast = await hasty.PostAsync(timedClient);
        var patient = (await SurveyForm.OpenAsync(timedClient)).With(SurveyForm.Valid);
        timed.Time.Advance(TimeSpan.FromSeconds(4));
        using var inTime = await patient.PostAsync(timedClient);

        Assert.Equal(BotCheckErrors.TooFast, (await StoredAsync(tooFast, timed)).FlagReasons);
        Assert.False((await StoredAsync(inTime, timed)).IsFlagged);
    }

    private Task<Rating> StoredAsync(HttpResponseMessage response) => StoredAsync(response, portal);

    /// <summary>The rating behind the receipt the response redirected to: every check outcome still gets one.</summary>
    private static async Task<Rating> StoredAsync(HttpResponseMessage response, PortalFactory factory)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var receipt = response.Headers.Location!.ToString()["/danh-gia/cam-on?so=".Length..];
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Ratings.AsNoTracking().SingleAsync(rating => rating.ReceiptNumber == receipt);
    }

    private async Task<int> TalliedAsync(string agency)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().RatingTallies
            .Where(tally => tally.AgencyCode == agency)
            .SumAsync(tally => tally.Ratings);
    }
}
