using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.RateLimiting;

namespace TayNinhCchc.Web.BotProtection;

/// <summary>
/// Checks form posts to a Razor page for bots: put it on the PageModel (every POST handler) or on one handler method.
/// The outcome is stored for the handler to read with <see cref="BotCheckHttpContextExtensions.GetBotCheckResult"/>;
/// the request is <b>not</b> rejected, so a failed check can be saved flagged for review. Pages carrying it also get the
/// <see cref="BotProtectionSetup.RateLimitPolicy"/> rate limit on their POSTs.
/// </summary>
/// <example><code>
/// [ValidateBotProtection(Action = "danh_gia")]
/// public sealed class DanhGiaModel : PageModel { … HttpContext.GetBotCheckResult() … }
/// </code></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class ValidateBotProtectionAttribute : Attribute
{
    /// <summary>The action name given to <c>&lt;bot-protection action="…"&gt;</c> on the same page.</summary>
    public string Action { get; set; } = "";

    /// <summary>
    /// When true, the proof-of-work challenge is not spent by the check: the handler finds it in
    /// <see cref="BotCheckResult.PendingSpend"/> and must spend it itself, in the transaction that stores the submission
    /// (a replay then flags what is stored), or through <see cref="IChallengeLedger"/> when it stores nothing. The survey
    /// form does this so that a post waits for one group commit instead of two. Default: false (the check spends it).
    /// </summary>
    public bool SpendWithSubmission { get; set; }
}

/// <summary>The anti-bot outcome of the current request, set by <see cref="ValidateBotProtectionAttribute"/>.</summary>
public interface IBotCheckFeature
{
    BotCheckResult Result { get; }
}

/// <summary>Reads the anti-bot outcome in a page handler.</summary>
public static class BotCheckHttpContextExtensions
{
    /// <summary>
    /// The outcome of the check <see cref="ValidateBotProtectionAttribute"/> ran for this POST; null when none ran (a GET,
    /// or a page without the attribute).
    /// </summary>
    public static BotCheckResult? GetBotCheckResult(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<IBotCheckFeature>()?.Result;
    }
}

internal sealed record BotCheckFeature(BotCheckResult Result) : IBotCheckFeature;

/// <summary>
/// Razor Pages apply filters per page, not per handler method, so the attribute is turned into one page filter here:
/// it knows which handlers it covers and the page's POSTs get the rate-limit policy as endpoint metadata.
/// </summary>
internal sealed class BotProtectionPageConvention : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        var onPage = model.HandlerType.GetCustomAttribute<ValidateBotProtectionAttribute>(inherit: true);
        var actions = new Dictionary<MethodInfo, ValidateBotProtectionAttribute>();
        foreach (var handler in model.HandlerMethods)
        {
            var attribute = handler.MethodInfo.GetCustomAttribute<ValidateBotProtectionAttribute>(inherit: true) ?? onPage;
            if (attribute is not null)
            {
                ChallengeSigner.EnsureValidAction(attribute.Action);
                actions[handler.MethodInfo] = attribute;
            }
        }

        if (actions.Count == 0)
        {
            return;
        }

        model.Filters.Add(new BotProtectionPageFilter(actions));
        model.EndpointMetadata.Add(new EnableRateLimitingAttribute(BotProtectionSetup.RateLimitPolicy));
    }
}

internal sealed class BotProtectionPageFilter(IReadOnlyDictionary<MethodInfo, ValidateBotProtectionAttribute> actions) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (HttpMethods.IsPost(http.Request.Method)
            && context.HandlerMethod is { } handler
            && actions.TryGetValue(handler.MethodInfo, out var attribute))
        {
            var protection = http.RequestServices.GetRequiredService<IBotProtection>();
            var result = await (attribute.SpendWithSubmission && protection is ProofOfWorkProvider proofOfWork
                ? proofOfWork.ValidateAsync(http.Request, attribute.Action, spendNow: false, http.RequestAborted)
                : protection.ValidateAsync(http.Request, attribute.Action, http.RequestAborted)).ConfigureAwait(false);
            http.Features.Set<IBotCheckFeature>(new BotCheckFeature(result));
        }

        await next().ConfigureAwait(false);
    }
}
