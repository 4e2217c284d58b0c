using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.OutputCaching;
using TayNinhCchc.Web.Accounts;

namespace TayNinhCchc.Web.Dashboard;

/// <summary>Routing conventions and response rules of the agency dashboard under <c>/quan-tri</c>.</summary>
public static class DashboardSetup
{
    /// <summary>Accounts and sign-in, the audit log, the users' services and the export.</summary>
    public static IServiceCollection AddAgencyDashboard(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddPortalAccounts(environment);
        services.AddScoped<PortalAccounts>();
        services.AddSingleton<RatingExport>();
        services.AddOptions<DashboardOptions>().Bind(configuration.GetSection(DashboardOptions.Section));
        return services;
    }

    /// <summary>
    /// Every page in Pages/QuanTri needs a dashboard role, except sign-in and the access-denied page; none is ever
    /// output-cached, whatever policy the rest of the site adopts later.
    /// </summary>
    public static PageConventionCollection AddDashboardConventions(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        conventions.AuthorizeFolder("/QuanTri", PortalPolicies.Staff);
        conventions.AllowAnonymousToPage("/QuanTri/DangNhap");
        conventions.AllowAnonymousToPage("/QuanTri/KhongCoQuyen");
        conventions.AddFolderApplicationModelConvention("/QuanTri", model => model.EndpointMetadata.Add(new OutputCacheAttribute { NoStore = true }));
        return conventions;
    }

    /// <summary>
    /// <c>Cache-Control: no-store</c> on every dashboard response (pages, redirects, exports, errors): nothing a
    /// staff member saw may stay in a shared browser's cache or a proxy.
    /// </summary>
    public static IApplicationBuilder UseDashboardNoStore(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(PortalIdentity.AreaPath, StringComparison.OrdinalIgnoreCase),
            branch => branch.Use((context, next) =>
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.CacheControl = "no-store";
                    context.Response.Headers.Pragma = "no-cache";
                    return Task.CompletedTask;
                });
                return next(context);
            }));
}

/// <summary>Settings of the agency dashboard (configuration section <c>Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>
    /// Fewest ratings a procedure needs in the period to appear among the worst-rated. Default: 5 (one unhappy
    /// citizen should not put a rarely used procedure at the top).
    /// </summary>
    public int MinimumRatingsPerProcedure { get; set; } = 5;

    /// <summary>How many worst-rated procedures the overview lists. Default: 5.</summary>
    public int WorstProceduresShown { get; set; } = 5;

    /// <summary>Rows per page in the comment inbox, the review queue and the audit log. Default: 25.</summary>
    public int PageSize { get; set; } = 25;
}
