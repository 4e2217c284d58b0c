using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TayNinhCchc.Web.Content;

/// <summary>Degraded while any content file has a problem (the site still serves the last good version).</summary>
internal sealed class ContentHealthCheck(ContentLibrary library) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = library.Current;
        return Task.FromResult(snapshot.Problems.Count == 0
            ? HealthCheckResult.Healthy($"{snapshot.News.Count} articles, {snapshot.Agencies.Count} agencies")
            : HealthCheckResult.Degraded($"{snapshot.Problems.Count} content problem(s); first: {snapshot.Problems[0]}"));
    }
}
