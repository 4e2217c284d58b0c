using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
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
/// Stores a rating, its answers and the running tallies in one transaction. When this returns a receipt, the
/// transaction has committed — with SQLite in WAL mode and <c>synchronous=FULL</c>, or PostgreSQL's default
/// <c>synchronous_commit=on</c>, that means it is on disk and survives the process being killed.
/// </summary>
public sealed class RatingRecorder(PortalSecrets secrets, CriteriaRegistry registry, TimeProvider time)
{
    /// <summary>Key name in <see cref="PortalSecrets"/> for dossier-code hashes; changing it would reopen every dossier.</summary>
    public const string DossierKey = "survey-dossier";

    /// <summary>Key name in <see cref="PortalSecrets"/> for client-address hashes.</summary>
    public const string ClientKey = "survey-client";

    private const string ReceiptAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford: no I, L, O, U

    /// <summary>Dossier codes are compared without case, spaces or separators: "000.00.19.H57-210101-0001" = "00000 19H57210101 0001".</summary>
    public static string NormaliseDossierCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return new string(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
    }

    public async Task<bool> IsDossierRatedAsync(PortalDbContext db, string dossierCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var hash = await secrets.HashAsync(DossierKey, NormaliseDossierCode(dossierCode));
        return await db.Ratings.AnyAsync(rating => rating.DossierHash == hash, cancellationToken);
    }

    public async Task<RecordResult> RecordAsync(PortalDbContext db, CriteriaSet set, RatingSubmission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
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
                : await secrets.HashAsync(DossierKey, NormaliseDossierCode(submission.DossierCode)),
            Channel = submission.Channel,
            CriteriaVersion = set.Version,
            SubmittedAt = now,
            Year = local.Year,
            Month = local.Month,
            Comment = string.IsNullOrWhiteSpace(submission.Comment) ? null : PersonalDataMasker.Mask(submission.Comment.Trim()),
            ClientHash = submission.ClientAddress is { Length: > 0 } address ? await secrets.HashAsync(ClientKey, address) : null,
            IsFlagged = flagged,
            FlagReasons = flagged ? string.Join(',', submission.FlagReasons) : null,
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

        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await registry.FreezeAsync(db, set, cancellationToken);
                db.Ratings.Add(rating);
                await db.SaveChangesAsync(cancellationToken);
                if (rating.CountsInStatistics)
                {
                    await AddToTalliesAsync(db, set, rating, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            });
        }
        catch (DbUpdateException) when (rating.DossierHash is not null)
        {
            // The unique index is the guarantee; a second rating of the same dossier (on any node) lands here.
            if (await IsHashTakenAsync(db, rating.DossierHash, cancellationToken))
            {
                return RecordResult.DuplicateDossier;
            }

            throw;
        }

        db.ChangeTracker.Clear();
        return new RecordResult(true, rating.ReceiptNumber);
    }

    /// <summary>Counts a rating into the tallies (on insert, or when a flagged rating is accepted on review).</summary>
    public static async Task AddToTalliesAsync(PortalDbContext db, CriteriaSet set, Rating rating, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(rating);

        var satisfied = 0;
        var dissatisfied = 0;
        foreach (var answer in rating.Answers)
        {
            var option = set.Find(answer.CriterionCode)?.Option(answer.Value);
            if (option is null)
            {
                continue;
            }

            if (option.Satisfied && answer.CriterionCode == set.Overall.Code)
            {
                satisfied = 1;
            }

            if (option.ReasonRequired)
            {
                dissatisfied = 1;
            }

            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO "AnswerTallies" ("AgencyCode", "Year", "Month", "CriteriaVersion", "CriterionCode", "Value", "Count")
                VALUES ({rating.AgencyCode}, {rating.Year}, {rating.Month}, {rating.CriteriaVersion}, {answer.CriterionCode}, {answer.Value}, 1)
                ON CONFLICT ("AgencyCode", "Year", "Month", "CriteriaVersion", "CriterionCode", "Value")
                DO UPDATE SET "Count" = "AnswerTallies"."Count" + 1
                """,
                cancellationToken);
        }

        var demo = rating.IsDemo ? 1 : 0;
        foreach (var procedure in rating.ProcedureCode is { } code ? new[] { string.Empty, code } : [string.Empty])
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO "RatingTallies" ("AgencyCode", "ProcedureCode", "Year", "Month", "Ratings", "Satisfied", "Dissatisfied", "Demo")
                VALUES ({rating.AgencyCode}, {procedure}, {rating.Year}, {rating.Month}, 1, {satisfied}, {dissatisfied}, {demo})
                ON CONFLICT ("AgencyCode", "ProcedureCode", "Year", "Month")
                DO UPDATE SET "Ratings" = "RatingTallies"."Ratings" + 1,
                    "Satisfied" = "RatingTallies"."Satisfied" + {satisfied},
                    "Dissatisfied" = "RatingTallies"."Dissatisfied" + {dissatisfied},
                    "Demo" = "RatingTallies"."Demo" + {demo}
                """,
                cancellationToken);
        }
    }

    private static async Task<bool> IsHashTakenAsync(PortalDbContext db, byte[] hash, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Ratings.AnyAsync(rating => rating.DossierHash == hash, cancellationToken);
    }

    private static string NewReceiptNumber()
    {
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = ReceiptAlphabet[RandomNumberGenerator.GetInt32(ReceiptAlphabet.Length)];
        }

        return $"DG-{chars[..4]}-{chars[4..]}";
    }
}
