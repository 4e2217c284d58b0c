using System.Globalization;
using System.Net;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TayNinhCchc.Web.BotProtection;

namespace TayNinhCchc.Web.Tests.BotProtection;

/// <summary>The portal plus the test-only probe pages (<c>/test/bot-protection</c>), with easy settings for the checks.</summary>
internal static class ProbePortal
{
    public const string Url = "/test/bot-protection";
    public const string HandlerUrl = "/test/bot-protection/handler";
    public const string Action = "probe_form";
    public const int Difficulty = 8;

    /// <summary>
    /// A portal over <paramref name="portal"/>'s database and clock with the probe pages. Difficulty 8 keeps solving fast;
    /// the rate limit is high unless a test sets it.
    /// </summary>
    public static WebApplicationFactory<Program> WithProbePages(this PortalFactory portal, params (string Key, string Value)[] settings) =>
        portal.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("BotProtection:ProofOfWorkDifficulty", Difficulty.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("BotProtection:PermitsPerMinute", "1000");
            // The product's fill time (PortalFactory lifts it for the survey tests); these tests move the clock themselves.
            builder.UseSetting("BotProtection:MinimumFillTime", "00:00:03");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services => services.AddRazorPages().AddApplicationPart(typeof(ProbePageModel).Assembly));
        });

    public static HttpClient CreateProbeClient(this WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
}

/// <summary>A probe form as a browser would have it after loading: every named input with its value.</summary>
internal sealed class ProbeForm
{
    private ProbeForm(IDocument document, string postUrl, Dictionary<string, string> fields)
    {
        Document = document;
        PostUrl = postUrl;
        Fields = fields;
    }

    public IDocument Document { get; }

    public string PostUrl { get; }

    public Dictionary<string, string> Fields { get; }

    public string Challenge => Fields[BotProtectionFields.Challenge];

    public static async Task<ProbeForm> OpenAsync(HttpClient client, string url = ProbePortal.Url)
    {
        var document = await client.GetDocumentAsync(url);
        var form = document.QuerySelector("form") ?? throw new InvalidOperationException("No form on " + url);
        var fields = form.QuerySelectorAll("input[name]")
            .ToDictionary(input => input.GetAttribute("name")!, input => input.GetAttribute("value") ?? "", StringComparer.Ordinal);
        var action = form.GetAttribute("action");
        return new ProbeForm(document, string.IsNullOrEmpty(action) ? url : action, fields);
    }

    /// <summary>Does what pow-worker.js does: writes a nonce that meets the difficulty.</summary>
    public ProbeForm Solve()
    {
        Fields[BotProtectionFields.Nonce] = Work.Solve(Challenge, ProbePortal.Difficulty);
        return this;
    }

    /// <summary>Posts the fields to the form's action, or to <paramref name="url"/>.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpClient client, string? url = null)
    {
        using var content = new FormUrlEncodedContent(Fields);
        return await client.PostAsync(new Uri(url ?? PostUrl, UriKind.Relative), content);
    }

    /// <summary>Posts the form and reads back the check result the probe page stored (null when none ran).</summary>
    public async Task<BotCheckResult?> PostAsync(HttpClient client, string? url = null)
    {
        using var response = await SendAsync(client, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonSerializer.Deserialize<BotCheckResult>(await response.Content.ReadAsStringAsync(), ProbeResult.Json);
    }
}

/// <summary>The proof of work, written independently of the portal's code so the two check each other.</summary>
internal static class Work
{
    public static int LeadingZeroBits(string token, string nonce)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(token + ":" + nonce));
        var value = new BigInteger(digest, isUnsigned: true, isBigEndian: true);
        return value.IsZero ? 256 : 256 - (int)(value.GetBitLength());
    }

    public static string Solve(string token, int difficulty) => Nonces().First(nonce => LeadingZeroBits(token, nonce) >= difficulty);

    public static string Fail(string token, int difficulty) => Nonces().First(nonce => LeadingZeroBits(token, nonce) < difficulty);

    private static IEnumerable<string> Nonces()
    {
        for (var i = 0L; ; i++)
        {
            yield return i.ToString(CultureInfo.InvariantCulture);
        }
    }
}

/// <summary>One portal with the probe pages, shared by a test class (starting a portal costs about a second).</summary>
public sealed class ProbePortalFixture : IDisposable
{
    public ProbePortalFixture()
    {
        Factory = Portal.WithProbePages();
    }

    public PortalFactory Portal { get; } = new();

    public WebApplicationFactory<Program> Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        Portal.Dispose();
    }
}
