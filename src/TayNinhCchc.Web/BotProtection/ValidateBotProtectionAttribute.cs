using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.BotProtection;

/// <summary>
/// Checks form posts to a Razor page for bots: put it on the PageModel (every POST handler) or on one handler method.
/// The outcome is stored for the handler to read with <see cref="BotCheckHttpContextExtensions.GetBotCheckResult"/>;
/// the request is <b>not</b> rejected, so a failed check can be saved flagged for review. Pages carrying it also get the
/// per-client limit of <see cref="SubmissionLimiter"/> on their POSTs; a page that implements
/// <see cref="IRateLimitedForm"/> shows its form again when a post is over the limit.
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
/// it knows which handlers it covers, checks their POSTs and counts them against the per-client limit.
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
            var proofOfWork = protection as ProofOfWorkProvider;
            // The proof of work is checked before the limit, without spending it (no database write for a refused post):
            // a post that carries valid work for a challenge not seen before weighs less (SubmissionLimiter).
            var result = proofOfWork is null
                ? null
                : await proofOfWork.ValidateAsync(http.Request, attribute.Action, spendNow: false, http.RequestAborted).ConfigureAwait(false);
            var wait = http.RequestServices.GetRequiredService<SubmissionLimiter>()
                .TryAcquire(http, result is { Success: true, PendingSpend: { } pending } ? pending.Id : null);
            if (wait is { } retryAfter)
            {
                context.Result = await RateLimitedAsync(context, retryAfter).ConfigureAwait(false);
                return;
            }

            result = result is null
                ? await protection.ValidateAsync(http.Request, attribute.Action, http.RequestAborted).ConfigureAwait(false)
                : attribute.SpendWithSubmission ? result : await proofOfWork!.SpendAsync(result, http.RequestAborted).ConfigureAwait(false);
            http.Features.Set<IBotCheckFeature>(new BotCheckFeature(result));
        }

        await next().ConfigureAwait(false);
    }

    private static async Task<IActionResult> RateLimitedAsync(PageHandlerExecutingContext context, TimeSpan wait)
    {
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = BotProtectionSetup.Seconds(wait).ToString(CultureInfo.InvariantCulture);
        if (context.HandlerInstance is IRateLimitedForm form)
        {
            var now = VietnamClock.Now(http.RequestServices.GetRequiredService<TimeProvider>());
            var page = await form.RateLimitedAsync(BotProtectionSetup.RetryMessage(wait, now)).ConfigureAwait(false);
            page.StatusCode = StatusCodes.Status429TooManyRequests;
            return page;
        }

        // A content type keeps the status-code pages from replacing this message with the generic error page.
        return new ContentResult
        {
            StatusCode = StatusCodes.Status429TooManyRequests,
            ContentType = "text/plain; charset=utf-8",
            Content = BotProtectionSetup.RateLimitMessage,
        };
    }
}

/// <summary>
/// A page whose protected form, refused by the per-client limit, is shown again with the citizen's answers and a
/// message saying when to send it (HTTP 429 with <c>Retry-After</c>), instead of a bare 429. Nothing is stored and the
/// challenge is not spent.
/// </summary>
public interface IRateLimitedForm
{
    /// <summary>Called instead of the POST handler, after model binding (the bound answers are there to show again).</summary>
    Task<PageResult> RateLimitedAsync(string message);
}
