using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace TayNinhCchc.E2E.Infrastructure;

/// <summary>
/// axe-core audits: serious and critical violations are returned as a failure report; the others are only written to
/// the test output.
/// </summary>
internal static class Accessibility
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string RunAxe = """
        async () => {
            const results = await axe.run(document, { resultTypes: ['violations'] });
            return JSON.stringify(results.violations.map(v => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({
                    target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(', '),
                    html: n.html.length > 200 ? n.html.slice(0, 200) + '…' : n.html,
                })),
            })));
        }
        """;

    /// <summary>
    /// The site's CSP allows only its own script files (no inline script), so axe-core is loaded as if it were one of
    /// them: requests for this path are answered by the browser context from the local axe-core file and never reach
    /// the server. The pages run under their real CSP, so the tests would also show a CSP that breaks them.
    /// </summary>
    public const string ScriptPath = "/__e2e__/axe.min.js";

    public static Task ServeAxeFromThePortalAsync(IBrowserContext context) =>
        context.RouteAsync("**" + ScriptPath, route => route.FulfillAsync(new RouteFulfillOptions
        {
            Path = BrowserRequirements.AxeCorePath,
            ContentType = "text/javascript; charset=utf-8",
        }));

    /// <summary>Audits the current page; returns the serious and critical violations described, or <c>null</c>.</summary>
    public static async Task<string?> AuditAsync(IPage page, ITestOutputHelper output)
    {
        if (!File.Exists(BrowserRequirements.AxeCorePath))
        {
            throw new InvalidOperationException($"axe-core not found at {BrowserRequirements.AxeCorePath}; run tests/run.sh to install it");
        }

        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = ScriptPath });
        }

        var json = await page.EvaluateAsync<string>(RunAxe);
        var violations = JsonSerializer.Deserialize<List<AxeViolation>>(json, Json) ?? [];
        var failing = violations.Where(v => v.Impact is "serious" or "critical").ToList();
        foreach (var minor in violations.Except(failing))
        {
            output.WriteLine($"axe ({minor.Impact}) on {page.Url}: {minor.Id} – {minor.Help}; {string.Join(" | ", minor.Nodes.Select(n => n.Target))}");
        }

        return failing.Count > 0 ? Describe(page.Url, failing) : null;
    }

    private static string Describe(string url, List<AxeViolation> violations)
    {
        var message = new StringBuilder();
        message.AppendLine(CultureInfo.InvariantCulture, $"axe-core found {violations.Count} serious/critical violation(s) on {url}:");
        foreach (var violation in violations)
        {
            message.AppendLine(CultureInfo.InvariantCulture, $"- [{violation.Impact}] {violation.Id}: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes.Take(10))
            {
                message.AppendLine(CultureInfo.InvariantCulture, $"    target: {node.Target}");
                message.AppendLine(CultureInfo.InvariantCulture, $"      html: {node.Html}");
            }

            if (violation.Nodes.Count > 10)
            {
                message.AppendLine(CultureInfo.InvariantCulture, $"    … and {violation.Nodes.Count - 10} more element(s)");
            }
        }

        return message.ToString();
    }

    private sealed record AxeViolation(string Id, string? Impact, string Help, string HelpUrl, List<AxeNode> Nodes);

    private sealed record AxeNode(string Target, string Html);
}
