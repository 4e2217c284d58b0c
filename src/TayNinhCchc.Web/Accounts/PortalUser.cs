using Microsoft.AspNetCore.Identity;

namespace TayNinhCchc.Web.Accounts;

/// <summary>
/// A person who signs in to the agency dashboard (<c>/quan-tri</c>). The user name is the e-mail address. Citizens
/// never have accounts: the survey is anonymous.
/// </summary>
public sealed class PortalUser : IdentityUser
{
    /// <summary>The agency whose ratings an agency staff member sees; null for administrators, who see every agency.</summary>
    public string? AgencyCode { get; set; }

    /// <summary>Name shown in the dashboard and in the audit log, e.g. "Nguyễn Văn A – Văn phòng Sở".</summary>
    public required string DisplayName { get; set; }

    /// <summary>
    /// Set when an administrator issued the password (a new account or a reset): the person must choose their own
    /// before the dashboard shows anything, so the one-time password is useless once they have signed in.
    /// </summary>
    public bool MustChangePassword { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>The two roles of the dashboard. Role names are stored; the labels are what people read.</summary>
public static class PortalRoles
{
    /// <summary>Quản trị: every agency, user accounts, review of flagged ratings, the audit log.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Cán bộ: exactly their own agency's ratings, comments and exports.</summary>
    public const string AgencyStaff = "AgencyStaff";

    public static string Label(string role) => role switch
    {
        Administrator => "Quản trị",
        AgencyStaff => "Cán bộ",
        _ => role,
    };
}

/// <summary>Authorization policies of the dashboard.</summary>
public static class PortalPolicies
{
    /// <summary>Any signed-in dashboard user (administrator or agency staff).</summary>
    public const string Staff = "staff";

    public const string Administrator = "administrator";
}
