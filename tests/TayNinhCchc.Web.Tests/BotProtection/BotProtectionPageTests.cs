using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using TayNinhCchc.Web.BotProtection;

namespace TayNinhCchc.Web.Tests.BotProtection;

/// <summary>What the tag helper puts in the page, and the rate limit on protected posts, over real HTTP.</summary>
public sealed class BotProtectionPageTests(ProbePortalFixture fixture) : IClassFixture<ProbePortalFixture>
{
    [Fact]
    public async Task The_tag_helper_renders_the_challenge_the_honeypot_a_status_line_and_our_scripts()
    {
        using var client = fixture.Factory.CreateProbeClient();

        var form = await ProbeForm.OpenAsync(client);

        var box = form.Document.QuerySelector("form [data-bot-protection]")!;
        Assert.Equal("pow", box.GetAttribute("data-bot-protection"));
        Assert.Equal("8", box.GetAttribute("data-difficulty"));
        Assert.StartsWith("/js/pow-worker.js", box.GetAttribute("data-worker"), StringComparison.Ordinal);
        Assert.Matches("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}$", form.Challenge);
        Assert.Equal("hidden", box.QuerySelector($"input[name='{BotProtectionFields.Challenge}']")!.GetAttribute("type"));
        Assert.Equal("hidden", box.QuerySelector($"input[name='{BotProtectionFields.Nonce}']")!.GetAttribute("type"));
        Assert.Equal("", form.Fields[BotProtectionFields.Nonce]);

        var trap = box.QuerySelector(".bot-protection__trap")!;
        Assert.Equal("true", trap.GetAttribute("aria-hidden"));
        var honeypot = trap.QuerySelector($"input[name='{BotProtectionFields.Honeypot}']")!;
        Assert.Equal("text", honeypot.GetAttribute("type"));
        Assert.Equal("-1", honeypot.GetAttribute("tabindex"));
        Assert.Equal("off", honeypot.GetAttribute("autocomplete"));
        Assert.Equal("", honeypot.GetAttribute("value"));
        Assert.Equal("Để trống ô này", trap.QuerySelector($"label[for='{honeypot.Id}']")!.TextContent);

        var status = box.QuerySelector("[data-bot-status]")!;
        Assert.Equal("polite", status.GetAttribute("aria-live"));
        Assert.Equal("status", status.GetAttribute("role"));

        var scripts = form.Document.Scripts.Select(script => script.Source).ToList();
        var script = Assert.Single(scripts);
        Assert.StartsWith("/js/bot-protection.js", script, StringComparison.Ordinal);
        Assert.True(form.Document.Scripts.Single().IsDeferred);
        Assert.Empty(form.Document.QuerySelectorAll("[style], style"));
        Assert.All(form.Document.Scripts, element => Assert.Equal("", element.TextContent));
    }

    [Fact]
    public async Task Each_render_issues_a_fresh_challenge()
    {
        using var client = fixture.Factory.CreateProbeClient();

        var first = await ProbeForm.OpenAsync(client);
        var second = await ProbeForm.OpenAsync(client);

        Assert.NotEqual(first.Challenge, second.Challenge);
    }

    [Theory]
    [InlineData("/js/bot-protection.js")]
    [InlineData("/js/pow-worker.js")]
    [InlineData("/css/site.css")]
    public async Task The_scripts_and_the_honeypot_style_are_served(string url)
    {
        using var client = fixture.Factory.CreateProbeClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        if (url.EndsWith(".css", StringComparison.Ordinal))
        {
            Assert.Contains(".bot-protection__trap", body, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task With_proof_of_work_the_policy_allows_no_outside_origin()
    {
        using var client = fixture.Factory.CreateProbeClient();

        using var response = await client.GetAsync(new Uri(ProbePortal.Url, UriKind.Relative));

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("https:", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_posts_from_one_client_get_429_in_vietnamese_while_reading_stays_open()
    {
        using var limited = fixture.Portal.WithProbePages(("BotProtection:PermitsPerMinute", "2"));
        using var client = limited.CreateProbeClient();
        var form = await ProbeForm.OpenAsync(client);

        using var first = await form.SendAsync(client);
        using var second = await form.SendAsync(client);
        using var third = await form.SendAsync(client);
        using var reading = await client.GetAsync(new Uri(ProbePortal.Url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("Bạn gửi quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau ít phút.", await third.Content.ReadAsStringAsync());
        Assert.Equal("utf-8", third.Content.Headers.ContentType?.CharSet);
        var retryAfter = third.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, reading.StatusCode);
    }

    [Fact]
    public async Task Pages_without_the_attribute_are_not_rate_limited()
    {
        using var limited = fixture.Portal.WithProbePages(("BotProtection:PermitsPerMinute", "1"));
        using var client = limited.CreateProbeClient();

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostAsync(new Uri("/loi/404", UriKind.Relative), new FormUrlEncodedContent([]));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
        }
    }

    [Fact]
    public async Task Without_javascript_the_form_still_arrives_and_is_flagged()
    {
        using var client = fixture.Factory.CreateProbeClient();
        var form = await ProbeForm.OpenAsync(client);
        fixture.Portal.Time.Advance(TimeSpan.FromMinutes(1));

        var result = await form.PostAsync(client);

        Assert.NotNull(result);
        Assert.False(result.Success);
        Assert.Equal([BotCheckErrors.InsufficientWork], result.Errors);
        Assert.Equal("Trình duyệt chưa hoàn tất phép tính chống gửi tự động.", BotCheckErrors.Describe(result.Errors[0]));
    }
}
