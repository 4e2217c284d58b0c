using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace TayNinhCchc.Web.Tests.Infrastructure;

/// <summary>
/// Outside Development (the test host runs as Production): HTTPS responses carry Strict-Transport-Security, also when
/// HTTPS ended at a known proxy that says so with X-Forwarded-Proto, and the antiforgery cookie is Secure.
/// </summary>
public sealed class TransportSecurityTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    // The framework never sends HSTS to localhost (a developer's browser would remember it), so a real host name.
    private const string PublicHost = "cchc.tayninh.gov.vn";

    private HttpClient Client(string scheme) =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"{scheme}://{PublicHost}") });

    [Theory]
    [InlineData("/")]
    [InlineData("/danh-gia")]
    [InlineData("/quan-tri/dang-nhap")]
    [InlineData("/du-lieu/thu-tuc.json")]
    [InlineData("/trang-khong-co")]
    public async Task Https_responses_carry_strict_transport_security(string path)
    {
        using var client = Client("https");

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var values), $"{path}: no Strict-Transport-Security");
        Assert.Equal("max-age=31536000", values.Single());
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("203.0.113.9", false)]
    public async Task Https_ended_at_a_proxy_counts_only_when_the_proxy_is_known(string proxyAddress, bool known)
    {
        using var behindProxy = portal.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddSingleton<IStartupFilter>(new ConnectionFrom(IPAddress.Parse(proxyAddress)))));
        using var client = behindProxy.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{PublicHost}") });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.20");

        using var response = await client.SendAsync(request);

        // An unknown proxy's word is not taken: the request stays plain HTTP and is sent to HTTPS.
        Assert.Equal(known ? HttpStatusCode.OK : HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(known, response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/danh-gia")]
    [InlineData("/quan-tri/dang-nhap")]
    [InlineData("/thu-tuc?q=khai+sinh")]
    public async Task Plain_http_is_redirected_to_https_never_an_error(string path)
    {
        using var client = Client("http");

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(new Uri($"https://{PublicHost}{path}"), response.Headers.Location);
    }

    [Fact]
    public async Task Health_checks_stay_on_plain_http()
    {
        using var client = Client("http");

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Plain_http_gets_no_strict_transport_security()
    {
        using var client = Client("http");

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_secure_http_only_and_same_site()
    {
        using var client = Client("https");

        using var response = await client.GetAsync(new Uri("/danh-gia", UriKind.Relative));

        var cookie = response.Headers.GetValues("Set-Cookie").Single(value => value.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>
/// The test server's connections have no remote address; this gives them the reverse proxy's, as Kestrel would, before
/// the portal's own pipeline (and so its forwarded-headers step) runs.
/// </summary>
internal sealed class ConnectionFrom(IPAddress address) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = address;
            return nextMiddleware(context);
        });
        next(app);
    };
}
