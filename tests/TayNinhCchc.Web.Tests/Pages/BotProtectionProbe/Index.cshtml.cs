using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TayNinhCchc.Web.BotProtection;

namespace TayNinhCchc.Web.Tests.BotProtection;

/// <summary>Test-only stand-in for the survey page: the attribute on the model, the tag helper in the form.</summary>
[ValidateBotProtection(Action = "probe_form")]
public sealed class ProbePageModel : PageModel
{
    public IActionResult OnPost() => ProbeResult.Of(HttpContext);
}

/// <summary>Test-only page with the attribute on one handler only.</summary>
public sealed class ProbeHandlerPageModel : PageModel
{
    public IActionResult OnPost() => ProbeResult.Of(HttpContext);

    [ValidateBotProtection(Action = "probe_form")]
    public IActionResult OnPostProtected() => ProbeResult.Of(HttpContext);
}

internal static class ProbeResult
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Echoes the stored check so tests can assert on it; a real page would save the submission, flagged on failure.</summary>
    public static ContentResult Of(HttpContext context) => new()
    {
        Content = JsonSerializer.Serialize(context.GetBotCheckResult(), Json),
        ContentType = "application/json",
    };
}
