namespace TayNinhCchc.Web.Survey;

/// <summary>
/// One citizen's rating of how an agency handled one dossier. Only keyed hashes of the dossier code and the client
/// address are kept; the comment is stored already masked.
/// </summary>
public sealed class Rating
{
    /// <summary>
    /// Which ratings hold their dossier's slot, as SQL over <c>Ratings</c> (the same in SQLite and PostgreSQL): those
    /// that needed no review or were accepted. A flagged rating (bot check failed) holds none while it waits, so a bot
    /// that guessed a dossier code cannot lock the citizen out; rejected and superseded ones hold none either. The
    /// unique index on <see cref="DossierHash"/> is filtered by it.
    /// </summary>
    public const string DossierSlotFilter = "\"ReviewState\" IN (0, 2)";

    /// <summary>The comment column's length: <see cref="SurveyOptions.MaxCommentLength"/> may not exceed it.</summary>
    public const int MaxCommentLength = 1000;

    public long Id { get; set; }

    /// <summary>Shown to the citizen as the receipt (số biên nhận), e.g. <c>DG-7K3F-9QXM</c>.</summary>
    public required string ReceiptNumber { get; set; }

    public required string AgencyCode { get; set; }

    public string? ProcedureCode { get; set; }

    /// <summary>
    /// HMAC of the normalised dossier code (mã hồ sơ). A dossier is rated once: of the ratings with one hash, at most
    /// one holds the dossier's slot (<see cref="DossierSlotFilter"/>).
    /// </summary>
    public byte[]? DossierHash { get; set; }

    public RatingChannel Channel { get; set; }

    /// <summary>The criteria-set version answered; its definition is frozen in <see cref="CriteriaVersionRecord"/>.</summary>
    public required string CriteriaVersion { get; set; }

    public DateTime SubmittedAt { get; set; }

    /// <summary>Year of <see cref="SubmittedAt"/> in Vietnam time (UTC+7), the calendar agencies report in.</summary>
    public int Year { get; set; }

    /// <summary>Month (1–12) of <see cref="SubmittedAt"/> in Vietnam time.</summary>
    public int Month { get; set; }

    /// <summary>The citizen's comment with personal identifiers masked; never shown publicly.</summary>
    public string? Comment { get; set; }

    /// <summary>Where staff are with the comment; null when there is none.</summary>
    public CommentState? CommentState { get; set; }

    /// <summary>HMAC of the client address, for abuse review only (never the raw address).</summary>
    public byte[]? ClientHash { get; set; }

    /// <summary>True when a bot check failed: kept for review, excluded from statistics until accepted.</summary>
    public bool IsFlagged { get; set; }

    /// <summary>The failed checks, comma-separated machine codes (e.g. <c>missing-token,too-fast</c>).</summary>
    public string? FlagReasons { get; set; }

    public ReviewState ReviewState { get; set; }

    /// <summary>Whether the rating is in the published figures: not flagged, or flagged and accepted on review.</summary>
    public bool CountsInStatistics { get; set; }

    /// <summary>Seeded demonstration data, never real citizens' answers.</summary>
    public bool IsDemo { get; set; }

    public List<RatingAnswer> Answers { get; set; } = [];
}

/// <summary>The answer to one criterion: the integer value of the chosen option.</summary>
public sealed class RatingAnswer
{
    /// <summary>The reason column's length: <see cref="SurveyOptions.MaxReasonLength"/> may not exceed it.</summary>
    public const int MaxReasonLength = 1000;

    public long RatingId { get; set; }

    public required string CriterionCode { get; set; }

    public int Value { get; set; }

    /// <summary>Why the citizen was not satisfied (required for such answers); masked like the comment.</summary>
    public string? Reason { get; set; }
}

/// <summary>How the dossier was submitted (cách thức thực hiện).</summary>
public enum RatingChannel
{
    InPerson = 1,
    Online = 2,
    Post = 3,
}

/// <summary>States of a comment in an agency's inbox: mới → đã xem → đã phản hồi.</summary>
public enum CommentState
{
    New = 1,
    Seen = 2,
    Answered = 3,
}

/// <summary>Outcome of an administrator's review of a flagged rating.</summary>
public enum ReviewState
{
    NotNeeded = 0,
    Pending = 1,
    Accepted = 2,
    Rejected = 3,

    /// <summary>
    /// Was waiting for review when a rating of the same dossier that passed the bot check was stored: that one holds
    /// the dossier's slot, this one can no longer be accepted. Kept, out of the statistics, visible in review.
    /// </summary>
    Superseded = 4,
}

/// <summary>
/// The definition of a criteria-set version as it was when first answered. A later edit of the content file does not
/// change it: old answers keep their meaning, and the portal keeps using this copy until a new version is published.
/// </summary>
public sealed class CriteriaVersionRecord
{
    public required string Version { get; set; }

    public required string Fingerprint { get; set; }

    /// <summary>The <see cref="CriteriaSet"/> as JSON.</summary>
    public required string Definition { get; set; }

    public DateTime FrozenAt { get; set; }
}

/// <summary>
/// Running count of one answer value per agency, month and criterion: the ranking and dashboards read these instead
/// of scanning every rating. Kept in the same transaction as the rating.
/// </summary>
public sealed class AnswerTally
{
    public required string AgencyCode { get; set; }

    public int Year { get; set; }

    public int Month { get; set; }

    public required string CriteriaVersion { get; set; }

    public required string CriterionCode { get; set; }

    public int Value { get; set; }

    public int Count { get; set; }
}

/// <summary>Running totals per agency and month (and per procedure when <see cref="ProcedureCode"/> is not empty).</summary>
public sealed class RatingTally
{
    public required string AgencyCode { get; set; }

    /// <summary>Empty string for the agency's total; a procedure code for that procedure's share.</summary>
    public required string ProcedureCode { get; set; }

    public int Year { get; set; }

    public int Month { get; set; }

    /// <summary>Ratings counted in statistics.</summary>
    public int Ratings { get; set; }

    /// <summary>Ratings whose overall answer is a "satisfied" option.</summary>
    public int Satisfied { get; set; }

    /// <summary>Ratings with at least one "not satisfied" answer (QĐ 766's "hồ sơ không hài lòng").</summary>
    public int Dissatisfied { get; set; }

    /// <summary>
    /// Of <see cref="Ratings"/>, how many are seeded demonstration data: results pages and open data say so next to
    /// the figures instead of passing demo answers off as citizens'.
    /// </summary>
    public int Demo { get; set; }
}
