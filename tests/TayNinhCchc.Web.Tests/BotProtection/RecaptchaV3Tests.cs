using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Mvc.Testing;
using TayNinhCchc.Web.BotProtection;

namespace TayNinhCchc.Web.Tests.BotProtection;

/// <summary>One portal set to reCAPTCHA and one fake Google, shared by <see cref="RecaptchaV3Tests"/>.</summary>
public sealed class RecaptchaPortalFixture : IAsyncLifetime
{
    public PortalFactory Portal { get; } = new();

    public FakeSiteverify Google { get; private set; } = null!;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Google = await FakeSiteverify.StartAsync();
        Factory = WithRecaptcha(Google.Url);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Portal.Dispose();
        await Google.DisposeAsync();
    }

    public WebApplicationFactory<Program> WithRecaptcha(Uri verifyUrl, params (string Key, string Value)[] more) => Portal.WithProbePages(
    [
        ("BotProtection:Provider", "Recaptcha"),
        ("BotProtection:RecaptchaSiteKey", "test-site-key"),
        ("BotProtection:RecaptchaSecretKey", "test-secret"),
        ("BotProtection:RecaptchaVerifyUrl", verifyUrl.ToString()),
        .. more,
    ]);
}

/// <summary>reCAPTCHA v3 against a fake siteverify over real HTTP, through the probe page.</summary>
public sealed class RecaptchaV3Tests : IClassFixture<RecaptchaPortalFixture>, IDisposable
{
    private const string BrowserToken = "token-from-the-browser";
    private static readonly TimeSpan FillTime = TimeSpan.FromSeconds(20);

    private readonly RecaptchaPortalFixture fixture;
    private readonly PortalFactory portal;
    private readonly FakeSiteverify google;
    private readonly HttpClient client;

    public RecaptchaV3Tests(RecaptchaPortalFixture fixture)
    {
        this.fixture = fixture;
        portal = fixture.Portal;
        google = fixture.Google;
        google.Answer = FakeSiteverify.Accepting;
        google.Received.Clear();
        client = fixture.Factory.CreateProbeClient();
    }

    public void Dispose() => client.Dispose();

    [Fact]
    public async Task A_good_token_is_accepted_and_google_gets_the_secret_and_the_token()
    {
        var result = await SubmitAsync();

        Assert.True(result.Success, string.Join(", ", result.Errors));
        Assert.Equal(0.9, result.Score);
        Assert.Equal(ProbePortal.Action, result.Action);
        Assert.Equal("localhost", result.Hostname);
        Assert.Equal(new DateTime(2026, 11, 28, 3, 0, 5, DateTimeKind.Utc), result.ChallengeTime);
        var received = Assert.Single(google.Received);
        Assert.Equal("test-secret", received["secret"]);
        Assert.Equal(BrowserToken, received["response"]);
    }

    [Fact]
    public async Task A_low_score_fails()
    {
        google.Answer = (FakeSiteverify.Json(true, 0.3, ProbePortal.Action, "localhost"), "application/json", TimeSpan.Zero);

        var result = await SubmitAsync();

        Assert.False(result.Success);
        Assert.Equal([BotCheckErrors.LowScore], result.Errors);
        Assert.Equal(0.3, result.Score);
    }

    [Fact]
    public async Task A_token_made_for_another_action_fails()
    {
        google.Answer = (FakeSiteverify.Json(true, 0.9, "login", "localhost"), "application/json", TimeSpan.Zero);

        var result = await SubmitAsync();

        Assert.Equal([BotCheckErrors.WrongAction], result.Errors);
        Assert.Equal("login", result.Action);
    }

    [Fact]
    public async Task A_token_made_on_another_site_fails()
    {
        google.Answer = (FakeSiteverify.Json(true, 0.9, ProbePortal.Action, "phishing.example"), "application/json", TimeSpan.Zero);

        var result = await SubmitAsync();

        Assert.Equal([BotCheckErrors.WrongHostname], result.Errors);
        Assert.Equal("phishing.example", result.Hostname);
    }

    [Fact]
    public async Task The_configured_host_name_replaces_the_requests_own()
    {
        google.Answer = (FakeSiteverify.Json(true, 0.9, ProbePortal.Action, "cchc.tayninh.gov.vn"), "application/json", TimeSpan.Zero);
        using var behindProxy = WithRecaptcha(google.Url, ("BotProtection:RecaptchaExpectedHostname", "cchc.tayninh.gov.vn"));
        using var proxiedClient = behindProxy.CreateProbeClient();

        var result = await SubmitAsync(proxiedClient);

        Assert.True(result.Success, string.Join(", ", result.Errors));
    }

    [Fact]
    public async Task A_token_google_rejects_fails_with_googles_codes()
    {
        google.Answer = (FakeSiteverify.Json(false, null, null, null, "timeout-or-duplicate"), "application/json", TimeSpan.Zero);

        var result = await SubmitAsync();

        Assert.Equal([BotCheckErrors.RecaptchaRejected, "timeout-or-duplicate"], result.Errors);
        Assert.Null(result.Score);
    }

    [Fact]
    public async Task The_honeypot_and_the_fill_time_still_apply()
    {
        var form = await ProbeForm.OpenAsync(client);
        form.Fields[BotProtectionFields.RecaptchaResponse] = BrowserToken;
        form.Fields[BotProtectionFields.Honeypot] = "x";

        var result = await form.PostAsync(client);

        Assert.Equal([BotCheckErrors.TooFast, BotCheckErrors.Honeypot], result!.Errors);
    }

    [Fact]
    public async Task Without_a_token_google_is_not_asked()
    {
        var form = await ProbeForm.OpenAsync(client);
        portal.Time.Advance(FillTime);

        var result = await form.PostAsync(client);

        Assert.Equal([BotCheckErrors.MissingToken], result!.Errors);
        Assert.Empty(google.Received);
    }

    [Fact]
    public async Task An_unreachable_google_flags_the_submission_without_an_error_page()
    {
        using var offline = WithRecaptcha(new Uri($"http://127.0.0.1:{ClosedPort()}/recaptcha/api/siteverify"));
        using var offlineClient = offline.CreateProbeClient();

        var result = await SubmitAsync(offlineClient);

        Assert.False(result.Success);
        Assert.Equal([BotCheckErrors.SiteverifyUnreachable], result.Errors);
        Assert.Null(result.Score);
        Assert.Equal(ProbePortal.Action, result.Action);
    }

    [Fact]
    public async Task A_slow_google_counts_as_unreachable()
    {
        google.Answer = (FakeSiteverify.Json(true, 0.9, ProbePortal.Action, "localhost"), "application/json", TimeSpan.FromSeconds(10));
        using var impatient = WithRecaptcha(google.Url, ("BotProtection:RecaptchaTimeout", "00:00:00.300"));
        using var impatientClient = impatient.CreateProbeClient();

        var result = await SubmitAsync(impatientClient);

        Assert.Equal([BotCheckErrors.SiteverifyUnreachable], result.Errors);
    }

    [Theory]
    [InlineData("<html>Bad gateway</html>", "text/html")]
    [InlineData("{\"success\": \"maybe\"", "application/json")]
    public async Task An_unreadable_answer_counts_as_unreachable(string body, string contentType)
    {
        google.Answer = (body, contentType, TimeSpan.Zero);

        var result = await SubmitAsync();

        Assert.Equal([BotCheckErrors.SiteverifyUnreachable], result.Errors);
    }

    [Fact]
    public async Task The_page_loads_googles_script_and_the_policy_allows_exactly_googles_recaptcha_origins()
    {
        using var response = await client.GetAsync(new Uri(ProbePortal.Url, UriKind.Relative));
        var document = await Html.ParseAsync(response);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();

        var box = document.QuerySelector("[data-bot-protection]")!;
        Assert.Equal("recaptcha", box.GetAttribute("data-bot-protection"));
        Assert.Equal("test-site-key", box.GetAttribute("data-site-key"));
        Assert.Equal(ProbePortal.Action, box.GetAttribute("data-action"));
        Assert.NotNull(document.QuerySelector($"input[type=hidden][name='{BotProtectionFields.RecaptchaResponse}']"));
        Assert.NotEmpty(document.QuerySelector($"input[type=hidden][name='{BotProtectionFields.Challenge}']")!.GetAttribute("value")!);
        Assert.Contains(document.Scripts, script => script.Source == "https://www.google.com/recaptcha/api.js?render=test-site-key");
        Assert.Contains("script-src 'self' https://www.google.com/recaptcha/ https://www.gstatic.com/recaptcha/;", csp, StringComparison.Ordinal);
        Assert.Contains("frame-src https://www.google.com/recaptcha/ https://recaptcha.google.com/recaptcha/;", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
    }

    private WebApplicationFactory<Program> WithRecaptcha(Uri verifyUrl, params (string Key, string Value)[] more) =>
        fixture.WithRecaptcha(verifyUrl, more);

    /// <summary>Opens the form, lets a person's time pass, adds the token Google's script would, and posts.</summary>
    private async Task<BotCheckResult> SubmitAsync(HttpClient? through = null)
    {
        through ??= client;
        var form = await ProbeForm.OpenAsync(through);
        form.Fields[BotProtectionFields.RecaptchaResponse] = BrowserToken;
        portal.Time.Advance(FillTime);
        return (await form.PostAsync(through))!;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
