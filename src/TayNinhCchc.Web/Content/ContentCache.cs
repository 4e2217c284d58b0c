using Microsoft.AspNetCore.OutputCaching;

namespace TayNinhCchc.Web.Content;

/// <summary>
/// Output caching for pages that depend only on the content: a reload bumps <see cref="ContentLibrary.Version"/>,
/// which is part of the cache key, so an edited file shows on the very next request.
/// </summary>
public static class ContentCache
{
    /// <summary>Name of the policy pages opt into with <c>[OutputCache(PolicyName = ContentCache.Policy)]</c>.</summary>
    public const string Policy = "content";

    public static void Configure(OutputCachePolicyBuilder policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        policy.Expire(TimeSpan.FromMinutes(10))
            .SetVaryByQuery("*")
            .VaryByValue(context => new KeyValuePair<string, string>(
                "content-version",
                context.RequestServices.GetRequiredService<ContentLibrary>().Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
