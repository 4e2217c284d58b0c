using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using TayNinhCchc.Web.Dashboard;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.Accounts;

/// <summary>
/// ASP.NET Core Identity for the agency dashboard: accounts in the portal database, cookie sign-in limited to
/// <c>/quan-tri</c>, lockout after repeated failures and the password rules.
/// </summary>
public static class PortalIdentity
{
    public const string AreaPath = "/quan-tri";
    public const string LoginPath = AreaPath + "/dang-nhap";
    public const string LogoutPath = AreaPath + "/dang-xuat";
    public const string AccessDeniedPath = AreaPath + "/khong-co-quyen";
    public const string ChangePasswordPath = AreaPath + "/doi-mat-khau";

    /// <summary>Failed sign-ins in a row before the account is locked for <see cref="LockoutMinutes"/>.</summary>
    public const int MaxFailedAccessAttempts = 5;

    public const int LockoutMinutes = 15;

    /// <summary>Length beats composition rules (NIST SP 800-63B): long passphrases, no forced symbols.</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>Accounts, roles, EF stores and password rules: what both the web app and the account commands need.</summary>
    public static IdentityBuilder AddPortalIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<PortalUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Password.RequiredUniqueChars = 6;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedAccessAttempts;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(LockoutMinutes);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddErrorDescriber<VietnameseIdentityErrors>()
            .AddPasswordValidator<GuessablePasswordValidator>();

    /// <summary>The web app's sign-in: cookies, lockout, policies and the audit log.</summary>
    public static IServiceCollection AddPortalAccounts(this IServiceCollection services, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        services.AddPortalIdentityCore().AddSignInManager();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = ".TayNinhCchc.QuanTri";
            // The cookie never leaves the dashboard: public pages stay anonymous (and output-cacheable).
            options.Cookie.Path = AreaPath;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // Plain HTTP only for `dotnet run` on a developer's machine.
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.LoginPath = LoginPath;
            options.LogoutPath = LogoutPath;
            options.AccessDeniedPath = AccessDeniedPath;
            options.ExpireTimeSpan = TimeSpan.FromHours(2);
            options.SlidingExpiration = true;
            // The security stamp is checked on every request, not every 30 minutes (Identity's default), and whatever
            // the clocks of the nodes say: sign-out, a password change or reset, a lock and a change of role or agency
            // all give the account a new stamp, and every copy of an older cookie stops working on its next request.
            options.Events.OnValidatePrincipal = RejectStaleSessionAsync;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicies.Staff, policy => policy.RequireRole(PortalRoles.Administrator, PortalRoles.AgencyStaff))
            .AddPolicy(PortalPolicies.Administrator, policy => policy.RequireRole(PortalRoles.Administrator));
        services.AddScoped<AuditLog>();
        services.AddScoped<StaffAccess>();
        return services;
    }

    private static async Task RejectStaleSessionAsync(CookieValidatePrincipalContext context)
    {
        // The user is found by id, so StaffAccess reads the same tracked entity later in the request: no second query.
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<PortalUser>>();
        if (context.Principal is null || await signIn.ValidateSecurityStampAsync(context.Principal) is null)
        {
            context.RejectPrincipal();
            await signIn.SignOutAsync();
        }
    }
}
