using System.Diagnostics.CodeAnalysis;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace TayNinhCchc.E2E.Infrastructure;

/// <summary>One portal server and one headless Chromium, shared by every test of the collection.</summary>
[SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes the fixture through IAsyncLifetime.DisposeAsync.")]
public sealed class PortalBrowserFixture : IAsyncLifetime
{
    private PortalServer? server;
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public async Task InitializeAsync()
    {
        if (BrowserRequirements.SkipReason is not null)
        {
            return; // every test is skipped; starting nothing keeps a machine without Chromium quiet
        }

        if (BrowserRequirements.Missing is { } missing)
        {
            throw new InvalidOperationException($"CI=true, so browser tests may not be skipped: {missing}");
        }

        server = new PortalServer();
        BaseAddress = server.Start();
        await server.SeedDemoRatingsAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserRequirements.ChromiumPath,
            Headless = true,
            Args = BrowserRequirements.ChromiumArgs,
        });
    }

    /// <summary>A fresh browser context (no shared cookies or cache) with one page at the given viewport.</summary>
    public async Task<BrowserSession> OpenAsync(string testName, int width, int height, ITestOutputHelper output, bool javaScriptEnabled = true)
    {
        var current = browser ?? throw new InvalidOperationException("The browser was not started.");
        var context = await current.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
            JavaScriptEnabled = javaScriptEnabled,
        });
        try
        {
            // Playwright's own 30 s: a loaded CI machine once took more than 15 s to open the survey form.
            context.SetDefaultTimeout(30_000);
            await Accessibility.ServeAxeFromThePortalAsync(context);
            var page = await context.NewPageAsync();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    output.WriteLine($"Browser console error on {page.Url}: {message.Text}");
                }
            };
            return new BrowserSession(context, page, BaseAddress, testName, width, output);
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new agency staff account of <paramref name="agencyCode"/>, created through the portal's own services.</summary>
    public Task<StaffAccount> CreateStaffAccountAsync(string agencyCode) =>
        (server ?? throw new InvalidOperationException("The server was not started.")).CreateStaffAccountAsync(agencyCode);

    public Task<string?> FlagReasonsAsync(string receipt) =>
        (server ?? throw new InvalidOperationException("The server was not started.")).FlagReasonsAsync(receipt);

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}

/// <summary>
/// All browser tests share one server and one browser, and run one after another: on the 2-core CI machine a second
/// server and browser gained nothing, and the unit-test assembly already runs alongside this one.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PortalBrowserCollectionDefinition : ICollectionFixture<PortalBrowserFixture>
{
    public const string Name = "Portal in a browser";
}
