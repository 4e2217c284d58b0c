using System.Linq.Expressions;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Dashboard;

/// <summary>Filters the inbox, the overview and the export share, so they always agree on what staff see.</summary>
public static class InboxQuery
{
    /// <summary>
    /// Not held for review: ratings that failed a bot check reach agency staff only once an administrator accepts
    /// them, and rejected ones never do.
    /// </summary>
    public static readonly Expression<Func<Rating, bool>> Cleared =
        rating => rating.ReviewState == ReviewState.NotNeeded || rating.ReviewState == ReviewState.Accepted;

    /// <summary>Something to read: a comment, or a reason given for a "not satisfied" answer.</summary>
    public static readonly Expression<Func<Rating, bool>> HasText =
        rating => rating.Comment != null || rating.Answers.Any(answer => answer.Reason != null);
}
