using Microsoft.AspNetCore.OutputCaching;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.Survey;

/// <summary>A procedure's satisfaction figures over the last 12 months, shown on its page once n reaches the minimum.</summary>
public sealed record ProcedureRatingSummary(RatingTotals Totals, YearMonth First, YearMonth Last)
{
    /// <summary>Changes with every figure the page shows.</summary>
    public string CacheKey => FormattableString.Invariant($"{First.Code}:{Totals.Ratings}:{Totals.Satisfied}:{Totals.Dissatisfied}:{Totals.Demo}");
}

/// <summary>
/// The rating summary of <c>/thu-tuc/{code}</c>. That page is output-cached until the content changes; the summary's
/// figures are made part of the cache key, read per request from the small (procedure, month) index of the tallies, so
/// a new rating shows on the next request on every node while an unchanged page is still served from the cache.
/// </summary>
public static class ProcedureRatings
{
    /// <summary>Name of the output-cache policy of the procedure page.</summary>
    public const string CachePolicy = "procedure";

    public const int Months = 12;

    private static readonly object ItemKey = new();

    public static void ConfigureCache(OutputCachePolicyBuilder policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ContentCache.Configure(policy);
        policy.VaryByValue(async (context, cancellationToken) =>
            new KeyValuePair<string, string>("procedure-ratings", (await GetAsync(context, cancellationToken))?.CacheKey ?? "-"));
    }

    /// <summary>The summary for the request's <c>code</c> route value, or null below the minimum n; read once per request.</summary>
    public static async Task<ProcedureRatingSummary?> GetAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(ItemKey, out var known))
        {
            return (ProcedureRatingSummary?)known;
        }

        ProcedureRatingSummary? summary = null;
        if (context.GetRouteValue("code") is string { Length: > 0 } code)
        {
            var services = context.RequestServices;
            var statistics = services.GetRequiredService<RatingStatistics>();
            var last = YearMonth.Of(VietnamClock.Today(services.GetRequiredService<TimeProvider>()));
            var first = last.AddMonths(-(Months - 1));
            var totals = await statistics.ProcedureTotalsAsync(services.GetRequiredService<PortalDbContext>(), code, first, last, cancellationToken);
            summary = statistics.Publishes(totals.Ratings) ? new ProcedureRatingSummary(totals, first, last) : null;
        }

        context.Items[ItemKey] = summary;
        return summary;
    }
}
