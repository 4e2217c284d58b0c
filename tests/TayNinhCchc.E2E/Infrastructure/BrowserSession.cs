using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TayNinhCchc.E2E.Infrastructure;

/// <summary>One test's browser context and page, with its screenshots and accessibility checks.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly string testName;
    private readonly ITestOutputHelper output;
    private readonly List<string> accessibilityFailures = [];

    internal BrowserSession(IBrowserContext context, IPage page, Uri baseAddress, string testName, int width, ITestOutputHelper output)
    {
        this.context = context;
        this.testName = testName;
        this.output = output;
        Page = page;
        BaseAddress = baseAddress;
        Width = width;
    }

    public IPage Page { get; }

    public Uri BaseAddress { get; }

    public int Width { get; }

    /// <summary>Saves a full-page screenshot as <c>tests/TestResults/screenshots/&lt;test&gt;-&lt;width&gt;-&lt;step&gt;.png</c>.</summary>
    public async Task ScreenshotAsync(string step)
    {
        Directory.CreateDirectory(RepositoryPaths.Screenshots);
        var path = Path.Combine(RepositoryPaths.Screenshots, $"{testName}-{Width}-{step}.png");
        var started = Stopwatch.GetTimestamp();
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path} ({Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms)");
    }

    /// <summary>
    /// Runs axe-core on the current page and remembers its serious or critical violations, so a journey goes on to
    /// its later pages; <see cref="AssertNoAccessibilityViolations"/> reports them all at the end.
    /// </summary>
    public async Task AuditAccessibilityAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var failure = await Accessibility.AuditAsync(Page, output);
        output.WriteLine($"axe on {Page.Url}: {(failure is null ? "no serious/critical violation" : "violations")} ({Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms)");
        if (failure is not null)
        {
            output.WriteLine(failure);
            accessibilityFailures.Add(failure);
        }
    }

    /// <summary>Fails with every serious or critical violation found by the audits of this session.</summary>
    public void AssertNoAccessibilityViolations()
    {
        if (accessibilityFailures.Count > 0)
        {
            throw new XunitException(string.Join(Environment.NewLine, accessibilityFailures));
        }
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
