namespace TayNinhCchc.Web.BotProtection;

/// <summary>
/// A proof-of-work challenge already spent. The row's primary key is what makes a challenge single-use across nodes:
/// the second insert of the same id fails in the database, whichever node it comes from.
/// </summary>
public sealed class UsedChallenge
{
    /// <summary>Length of a challenge id: 128 random bits in base64url.</summary>
    public const int IdLength = 22;

    public required string Id { get; set; }

    /// <summary>When the challenge stops being valid anyway (UTC); the row can be deleted after that.</summary>
    public DateTime ExpiresAt { get; set; }
}
