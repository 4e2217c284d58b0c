using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.BotProtection;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.Survey;

/// <summary>What a citizen submitted, already validated against the criteria set.</summary>
public sealed record RatingSubmission(
    string AgencyCode,
    string? ProcedureCode,
    string? DossierCode,
    RatingChannel Channel,
    IReadOnlyDictionary<string, int> Answers,
    IReadOnlyDictionary<string, string> Reasons,
    string? Comment,
    string? ClientAddress,
    IReadOnlyList<string> FlagReasons,
    bool IsDemo = false);

/// <summary>Saved (with the receipt to show) or refused because the dossier was already rated.</summary>
public sealed record RecordResult(bool Saved, string? ReceiptNumber)
{
    public static RecordResult DuplicateDossier { get; } = new(false, null);
}

/// <summary>
/// Turns a validated submission into a stored rating: hashes instead of the dossier code and client address, masked
/// free text, Vietnam-time period. The rating, its answers and the running tallies are written in one transaction by
/// <see cref="RatingWriter"/>; when this returns a receipt, that transaction has committed — with SQLite in WAL mode
/// and <c>synchronous=FULL</c>, or PostgreSQL's default <c>synchronous_commit=on</c>, it is on disk and survives the
/// process being killed.
/// </summary>
public sealed class RatingRecorder(PortalSecrets secrets, RatingWriter writer, TimeProvider time)
{
    /// <summary>Key name in <see cref="PortalSecrets"/> for dossier-code hashes; changing it would reopen every dossier.</summary>
    public const string DossierKey = "survey-dossier";

    /// <summary>Key name in <see cref="PortalSecrets"/> for client-address hashes.</summary>
    public const string ClientKey = "survey-client";

    private const string ReceiptAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford: no I, L, O, U

    public Task<RecordResult> RecordAsync(CriteriaSet set, RatingSubmission submission, CancellationToken cancellationToken = default) =>
        RecordAsync(set, submission, challenge: null, cancellationToken);

    /// <summary>
    /// Records the submission; <paramref name="challenge"/>, when given, is spent in the rating's own transaction, and
    /// if it was spent before the rating is stored flagged as <see cref="BotCheckErrors.Replayed"/>.
    /// </summary>
    public async Task<RecordResult> RecordAsync(CriteriaSet set, RatingSubmission submission, ChallengeSpend? challenge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(submission);

        var now = time.GetUtcNow().UtcDateTime;
        var local = VietnamClock.ToVietnam(now);
        var flagged = submission.FlagReasons.Count > 0;
        var rating = new Rating
        {
            ReceiptNumber = NewReceiptNumber(),
            AgencyCode = submission.AgencyCode,
            ProcedureCode = submission.ProcedureCode,
            DossierHash = string.IsNullOrWhiteSpace(submission.DossierCode)
                ? null
                : await secrets.HashAsync(DossierKey, DossierCode.Key(submission.DossierCode), cancellationToken),
            Channel = submission.Channel,
            CriteriaVersion = set.Version,
            SubmittedAt = now,
            Year = local.Year,
            Month = local.Month,
            Comment = string.IsNullOrWhiteSpace(submission.Comment) ? null : PersonalDataMasker.Mask(submission.Comment.Trim()),
            ClientHash = submission.ClientAddress is { Length: > 0 } address ? await secrets.HashAsync(ClientKey, address, cancellationToken) : null,
            IsFlagged = flagged,
            FlagReasons = flagged ? FlagReasonsText(submission.FlagReasons) : null,
            ReviewState = flagged ? ReviewState.Pending : ReviewState.NotNeeded,
            CountsInStatistics = !flagged,
            IsDemo = submission.IsDemo,
            Answers = submission.Answers.Select(answer => new RatingAnswer
            {
                CriterionCode = answer.Key,
                Value = answer.Value,
                Reason = submission.Reasons.TryGetValue(answer.Key, out var reason) && !string.IsNullOrWhiteSpace(reason)
                    ? PersonalDataMasker.Mask(reason.Trim())
                    : null,
            }).ToList(),
        };
        rating.CommentState = rating.Comment is null ? null : CommentState.New;

        return await writer.WriteAsync(set, rating, challenge, cancellationToken)
            ? new RecordResult(true, rating.ReceiptNumber)
            : RecordResult.DuplicateDossier;
    }

    /// <summary>Flags a rating whose challenge turned out to be spent already: out of the statistics, up for review.</summary>
    internal static void FlagReplayed(Rating rating)
    {
        var reasons = rating.FlagReasons is null ? [] : rating.FlagReasons.Split(',');
        rating.IsFlagged = true;
        rating.FlagReasons = FlagReasonsText(reasons.Append(BotCheckErrors.Replayed));
        rating.ReviewState = ReviewState.Pending;
        rating.CountsInStatistics = false;
    }

    /// <summary>The codes as stored: distinct, comma-separated, cut to the column's 200 characters (Google may add its own).</summary>
    private static string FlagReasonsText(IEnumerable<string> reasons)
    {
        var text = string.Join(',', reasons.Distinct(StringComparer.Ordinal));
        return text.Length <= 200 ? text : text[..200];
    }

    /// <summary>A fresh receipt number: "DG-" and two groups of four random Crockford letters (40 bits).</summary>
    internal static string NewReceiptNumber()
    {
        // 32 letters: each random byte's low five bits pick one without bias.
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = ReceiptAlphabet[random[i] & 31];
        }

        return $"DG-{chars[..4]}-{chars[4..]}";
    }
}
