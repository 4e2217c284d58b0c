namespace TayNinhCchc.Web.BotProtection;

/// <summary>
/// The outcome of one anti-bot check. A failure is a reason to flag a submission for review, never to drop it.
/// </summary>
/// <param name="Success">True when every check passed.</param>
/// <param name="Score">
/// 0.0 (bot) to 1.0 (human): reCAPTCHA's score as Google reported it; for proof of work 1.0 on success and 0.0 on
/// failure. Null when no score could be obtained (reCAPTCHA unreachable or no token).
/// </param>
/// <param name="Action">The action the challenge or token was issued for (null when there was no readable token).</param>
/// <param name="Hostname">The host the form was filled on: the request's host, or the one Google reported.</param>
/// <param name="ChallengeTime">When the challenge was issued (UTC), or Google's <c>challenge_ts</c>.</param>
/// <param name="Errors">Stable machine codes from <see cref="BotCheckErrors"/> (and Google's own codes); empty on success.</param>
public sealed record BotCheckResult(
    bool Success,
    double? Score,
    string? Action,
    string? Hostname,
    DateTime? ChallengeTime,
    IReadOnlyList<string> Errors)
{
    /// <summary>
    /// The single-use check left to the caller (<see cref="ValidateBotProtectionAttribute.SpendWithSubmission"/>): the
    /// live challenge still to be spent, in the same transaction as what the post stores. Null when the check spent it
    /// itself, when there was no live challenge, and always for reCAPTCHA (Google refuses a token twice on its own).
    /// </summary>
    public ChallengeSpend? PendingSpend { get; init; }
}

/// <summary>A challenge to record as spent: its id, when it stops being accepted anyway, and when it was posted.</summary>
public sealed record ChallengeSpend(string Id, DateTime ExpiresAt, DateTime Now);

/// <summary>The machine codes of <see cref="BotCheckResult.Errors"/>, and their Vietnamese descriptions for reviewers.</summary>
public static class BotCheckErrors
{
    /// <summary>No challenge, time stamp or reCAPTCHA token was sent (typically JavaScript was off).</summary>
    public const string MissingToken = "missing-token";

    /// <summary>The challenge or time stamp is malformed or its signature does not match: not issued by this portal.</summary>
    public const string BadSignature = "bad-signature";

    /// <summary>The challenge is older than <see cref="BotProtectionOptions.ChallengeLifetime"/>.</summary>
    public const string Expired = "expired";

    /// <summary>The challenge was already used by an earlier submission (on any node).</summary>
    public const string Replayed = "replayed";

    /// <summary>The challenge or token was issued for another form.</summary>
    public const string WrongAction = "wrong-action";

    /// <summary>The nonce is missing or does not meet the challenge's difficulty.</summary>
    public const string InsufficientWork = "insufficient-work";

    /// <summary>The field people cannot see was filled in.</summary>
    public const string Honeypot = "honeypot";

    /// <summary>The form came back sooner than <see cref="BotProtectionOptions.MinimumFillTime"/> after it was rendered.</summary>
    public const string TooFast = "too-fast";

    /// <summary>reCAPTCHA's score is below <see cref="BotProtectionOptions.RecaptchaScoreThreshold"/>.</summary>
    public const string LowScore = "low-score";

    /// <summary>Google verified the token for another host name.</summary>
    public const string WrongHostname = "wrong-hostname";

    /// <summary>Google's siteverify could not be reached, timed out or answered something unreadable.</summary>
    public const string SiteverifyUnreachable = "siteverify-unreachable";

    /// <summary>Google answered <c>success: false</c>; its own codes (e.g. <c>timeout-or-duplicate</c>) follow this one.</summary>
    public const string RecaptchaRejected = "recaptcha-rejected";

    /// <summary>A Vietnamese sentence explaining <paramref name="code"/> to the staff who review flagged submissions.</summary>
    public static string Describe(string code) => code switch
    {
        MissingToken => "Không có mã chống gửi tự động (trình duyệt có thể đã tắt JavaScript).",
        BadSignature => "Mã chống gửi tự động không hợp lệ hoặc đã bị sửa.",
        Expired => "Mã chống gửi tự động đã hết hạn.",
        Replayed => "Mã chống gửi tự động đã được dùng cho một lần gửi trước.",
        WrongAction => "Mã chống gửi tự động được cấp cho một biểu mẫu khác.",
        InsufficientWork => "Trình duyệt chưa hoàn tất phép tính chống gửi tự động.",
        Honeypot => "Ô ẩn dành cho chương trình tự động đã bị điền.",
        TooFast => "Biểu mẫu được gửi quá nhanh sau khi mở.",
        LowScore => "Điểm reCAPTCHA thấp hơn ngưỡng cho phép.",
        WrongHostname => "reCAPTCHA xác nhận cho một tên miền khác.",
        SiteverifyUnreachable => "Không kết nối được dịch vụ reCAPTCHA để kiểm tra.",
        RecaptchaRejected => "reCAPTCHA từ chối mã xác nhận.",
        _ => $"Lỗi kiểm tra chống gửi tự động: {code}.",
    };
}
