using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using TayNinhCchc.Web.Accounts;
using TayNinhCchc.Web.Content;

namespace TayNinhCchc.Web.Dashboard;

/// <summary>
/// Decides, on every dashboard request, whether the account may still be used and which agency it sees. The account
/// is read from the database each time, so a lock or a change of agency applies to the very next request, whatever
/// the cookie says.
/// </summary>
public sealed class StaffAccess(UserManager<PortalUser> users, ContentLibrary content)
{
    /// <summary>Query or form field by which an administrator picks an agency.</summary>
    public const string AgencyParameter = "co-quan";

    public async Task<AccessDecision> ResolveAsync(ClaimsPrincipal principal, string? requestedAgency)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var user = await users.GetUserAsync(principal);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return AccessDecision.SignInAgain;
        }

        var requested = string.IsNullOrWhiteSpace(requestedAgency) ? null : requestedAgency.Trim();
        if (principal.IsInRole(PortalRoles.Administrator))
        {
            if (requested is not null && !content.Current.AgenciesByCode.ContainsKey(requested))
            {
                return AccessDecision.NotFound;
            }

            return Decide(user, new AgencyScope(user.Id, NameOf(user), user.DisplayName, isAdministrator: true, requested));
        }

        // Staff see their own agency and nothing else; asking for another one is refused outright rather than
        // silently ignored, so a tampered link never looks like it worked.
        if (user.AgencyCode is null || (requested is not null && requested != user.AgencyCode))
        {
            return AccessDecision.Forbidden;
        }

        return Decide(user, new AgencyScope(user.Id, NameOf(user), user.DisplayName, isAdministrator: false, user.AgencyCode));
    }

    // A password issued by an administrator must be replaced before anything else is shown.
    private static AccessDecision Decide(PortalUser user, AgencyScope scope) =>
        new(user.MustChangePassword ? AccessOutcome.ChangePassword : AccessOutcome.Allowed, scope);

    private static string NameOf(PortalUser user) => user.Email ?? user.UserName ?? user.Id;
}

/// <summary>The outcome of <see cref="StaffAccess.ResolveAsync"/>.</summary>
public sealed record AccessDecision(AccessOutcome Outcome, AgencyScope? Scope)
{
    public static AccessDecision SignInAgain { get; } = new(AccessOutcome.SignInAgain, null);

    public static AccessDecision Forbidden { get; } = new(AccessOutcome.Forbidden, null);

    public static AccessDecision NotFound { get; } = new(AccessOutcome.NotFound, null);
}

public enum AccessOutcome
{
    Allowed,
    SignInAgain,

    /// <summary>Allowed only to change the password (the scope is set).</summary>
    ChangePassword,
    Forbidden,
    NotFound,
}
