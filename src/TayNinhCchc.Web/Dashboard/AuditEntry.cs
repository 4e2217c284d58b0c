namespace TayNinhCchc.Web.Dashboard;

/// <summary>
/// One line of the audit log: who did what to what, and when. Written in the same transaction as the change it
/// records, so the log never claims a change that was rolled back, nor misses one that was kept.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>UTC, from the injected <see cref="TimeProvider"/>.</summary>
    public DateTime At { get; set; }

    /// <summary>The signed-in user's e-mail; for a failed sign-in, the e-mail that was typed.</summary>
    public required string User { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>What was acted on: a receipt number, an account's e-mail, an agency code.</summary>
    public string? Target { get; set; }

    public string? Detail { get; set; }
}

/// <summary>Audited actions; stored by name so the log stays readable in the database.</summary>
public enum AuditAction
{
    SignedIn,
    SignInFailed,
    LockedOut,
    SignedOut,
    PasswordChanged,
    Exported,
    CommentStateChanged,
    NoteAdded,
    RatingAccepted,
    RatingRejected,
    UserCreated,
    UserLocked,
    UserUnlocked,
    PasswordReset,
}
