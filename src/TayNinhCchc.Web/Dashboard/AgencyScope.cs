using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Dashboard;

/// <summary>
/// What the signed-in user may see on this request. Every dashboard query starts from <see cref="Ratings"/>,
/// <see cref="RatingTallies"/> or <see cref="AnswerTallies"/>, so agency staff can only ever read their own
/// agency's rows; an administrator sees the agency they picked, or every agency when none is picked.
/// </summary>
public sealed class AgencyScope
{
    public AgencyScope(string userId, string email, string displayName, bool isAdministrator, string? agencyCode)
    {
        if (!isAdministrator && agencyCode is null)
        {
            throw new ArgumentException("Agency staff always have an agency.", nameof(agencyCode));
        }

        UserId = userId;
        Email = email;
        DisplayName = displayName;
        IsAdministrator = isAdministrator;
        AgencyCode = agencyCode;
    }

    public string UserId { get; }

    /// <summary>The account's e-mail, the name the audit log records.</summary>
    public string Email { get; }

    public string DisplayName { get; }

    public bool IsAdministrator { get; }

    /// <summary>The agency in view; null only for an administrator looking at every agency.</summary>
    public string? AgencyCode { get; }

    public IQueryable<Rating> Ratings(PortalDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return AgencyCode is null ? db.Ratings : db.Ratings.Where(rating => rating.AgencyCode == AgencyCode);
    }

    public IQueryable<RatingTally> RatingTallies(PortalDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return AgencyCode is null ? db.RatingTallies : db.RatingTallies.Where(tally => tally.AgencyCode == AgencyCode);
    }

    public IQueryable<AnswerTally> AnswerTallies(PortalDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return AgencyCode is null ? db.AnswerTallies : db.AnswerTallies.Where(tally => tally.AgencyCode == AgencyCode);
    }
}
