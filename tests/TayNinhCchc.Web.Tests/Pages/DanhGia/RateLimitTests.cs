using System.Net;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.Tests.Pages.DanhGia;

/// <summary>
/// The per-client limit on the survey form (defect 8): over the limit the citizen gets the form back with the answers
/// and when to send again, never a bare 429; a valid proof of work weighs less than a post without it; a one-stop
/// counter's network gets its own limit.
/// </summary>
public sealed class RateLimitTests
{
    /// <summary>Test-only header naming the client address a post comes from (the in-memory server has none).</summary>
    private const string ClientHeader = "X-Test-Client-Address";

    [Fact]
    public async Task Over_the_limit_the_form_comes_back_with_the_answers_and_when_to_retry_and_nothing_is_stored()
    {
        using var portal = Limited(("BotProtection:PermitsPerMinute", "2"));
        using var client = portal.CreatePortalClient();
        for (var i = 0; i < 2; i++)
        {
            using var accepted = await (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).PostAsync(client, solveChallenge: false);
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var third = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid)
            .Set("Input.Comment", "Cán bộ hướng dẫn tận tình")
            .Set("Input.Dossier", "000.00.19.H57-261128-0001");
        using var refused = await third.PostAsync(client, solveChallenge: false);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.StartsWith("text/html", refused.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var page = await Html.ParseAsync(refused);
        var (target, message) = Assert.Single(await SurveyForm.ErrorsAsync(refused));
        Assert.Equal("gui-danh-gia", target);
        Assert.NotNull(page.QuerySelector("#gui-danh-gia"));
        Assert.Contains($"sau {(int)retryAfter.Value.TotalSeconds} giây", message, StringComparison.Ordinal);
        Assert.Matches(@"\(từ \d{2}:\d{2}:\d{2}\)", message);
        Assert.Contains("vẫn được giữ", message, StringComparison.Ordinal);
        // The answers are still on the page, and the form can be sent again from it.
        Assert.Equal("so-tu-phap", page.QuerySelector("#agency option[selected]")?.GetAttribute("value"));
        Assert.Equal("Cán bộ hướng dẫn tận tình", page.QuerySelector("#comment")?.TextContent);
        Assert.Equal("000.00.19.H57-261128-0001", page.QuerySelector("#dossier")?.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input[name='Input.Answers[tong-the]'][value='2'][checked]"));
        Assert.NotNull(page.QuerySelector("input[name='Input.Consent'][checked]"));
        Assert.NotNull(page.QuerySelector("input[name='__RequestVerificationToken']"));
        Assert.Equal(2, await RatingsAsync(portal));
    }

    [Fact]
    public async Task Posts_with_a_valid_proof_of_work_weigh_less_than_posts_without_it()
    {
        // 2 posts a minute without the work, i.e. 2 × 10 units; a post with valid work for a new challenge takes 1 unit.
        using var portal = Limited(("BotProtection:PermitsPerMinute", "2"), ("BotProtection:ProofOfWorkWeight", "10"));
        using var client = portal.CreatePortalClient();

        for (var i = 0; i < 15; i++)
        {
            using var accepted = await (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).PostAsync(client);
            Assert.True(accepted.StatusCode == HttpStatusCode.Redirect, $"post {i + 1} with proof of work: {(int)accepted.StatusCode}");
        }

        // A solved form sent again proves nothing new: it costs as much as a post without the work (15 + 10 > 20).
        var solved = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid);
        using var first = await solved.PostAsync(client);
        using var replayed = await solved.PostAsync(client);
        using var withoutWork = await (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).PostAsync(client, solveChallenge: false);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, withoutWork.StatusCode);
        Assert.Equal(16, await RatingsAsync(portal));
    }

    [Fact]
    public async Task A_listed_counter_network_has_its_own_limit_and_other_addresses_keep_the_default()
    {
        using var portal = Limited(
            ("BotProtection:PermitsPerMinute", "1"),
            ("BotProtection:CounterNetworks:0:Network", "198.51.100.0/24"),
            ("BotProtection:CounterNetworks:0:PermitsPerMinute", "4"));
        using var counter = portal.CreatePortalClient();
        counter.DefaultRequestHeaders.Add(ClientHeader, "198.51.100.23");
        using var home = portal.CreatePortalClient();
        home.DefaultRequestHeaders.Add(ClientHeader, "203.0.113.9");

        var atCounter = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await (await SurveyForm.OpenAsync(counter)).With(SurveyForm.Valid).PostAsync(counter, solveChallenge: false);
            atCounter.Add(response.StatusCode);
        }

        using var homeFirst = await (await SurveyForm.OpenAsync(home)).With(SurveyForm.Valid).PostAsync(home, solveChallenge: false);
        using var homeSecond = await (await SurveyForm.OpenAsync(home)).With(SurveyForm.Valid).PostAsync(home, solveChallenge: false);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Redirect, 4), HttpStatusCode.TooManyRequests], atCounter);
        Assert.Equal(HttpStatusCode.Redirect, homeFirst.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, homeSecond.StatusCode);
    }

    [Theory]
    [InlineData("not-a-network", "4")]
    [InlineData("198.51.100.0/24", "0")]
    public void A_counter_network_that_cannot_work_stops_start_up_by_name(string network, string permits)
    {
        using var portal = Limited(("BotProtection:CounterNetworks:0:Network", network), ("BotProtection:CounterNetworks:0:PermitsPerMinute", permits));

        var refused = Assert.ThrowsAny<Exception>(() => portal.CreatePortalClient());

        Assert.Contains("BotProtection:CounterNetworks", refused.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A portal with its own limit; the in-memory server takes the client address from <see cref="ClientHeader"/>.</summary>
    private static PortalFactory Limited(params (string Key, string Value)[] settings)
    {
        var factory = PortalFactory.ForContent(RepositoryPaths.Content, settings: settings.ToDictionary(setting => setting.Key, setting => setting.Value));
        factory.ClientAddressHeader = ClientHeader;
        return factory;
    }

    private static async Task<int> RatingsAsync(PortalFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Ratings.CountAsync();
    }
}
