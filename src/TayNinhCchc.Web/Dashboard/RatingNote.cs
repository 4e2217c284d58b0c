namespace TayNinhCchc.Web.Dashboard;

/// <summary>
/// An internal note staff add to a rating in the comment inbox (what was done, who was called). Never shown to
/// citizens or published.
/// </summary>
public sealed class RatingNote
{
    public const int MaxTextLength = 2000;

    public long Id { get; set; }

    public long RatingId { get; set; }

    /// <summary>The <see cref="Accounts.PortalUser"/> who wrote it.</summary>
    public required string AuthorId { get; set; }

    public required string Text { get; set; }

    public DateTime CreatedAt { get; set; }
}
