using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TayNinhCchc.Web.BotProtection;

/// <summary>
/// The default check, with no outside service: the page carries a signed challenge, the browser finds a nonce such that
/// SHA-256(<c>challenge:nonce</c>) starts with enough zero bits (<c>wwwroot/js/pow-worker.js</c>), and the server checks
/// the signature, the action, the age, the work, the honeypot and that the challenge was not used before.
/// </summary>
/// <remarks>
/// Single use is enforced by the <see cref="IChallengeLedger"/> (the <c>UsedChallenges</c> table): its primary key lets
/// exactly one spend succeed, whichever node the posts reach; a post whose spend finds the key taken is <c>replayed</c>.
/// </remarks>
public sealed class ProofOfWorkProvider(
    IOptions<BotProtectionOptions> options,
    ChallengeSigner signer,
    IChallengeLedger ledger,
    TimeProvider time) : IBotProtection
{
    /// <summary>Longest nonce accepted; the browser's decimal counters are far shorter.</summary>
    public const int NonceMaxLength = 32;

    /// <summary>A new challenge for the form <paramref name="action"/> at the configured difficulty.</summary>
    /// <remarks>Asynchronous because the signing key may have to be read from the database the first time.</remarks>
    public Task<string> IssueChallengeAsync(string action, CancellationToken ct = default) =>
        signer.IssueAsync(action, options.Value.ProofOfWorkDifficulty, ct);

    /// <inheritdoc />
    public Task<BotCheckResult> ValidateAsync(HttpRequest request, string action, CancellationToken ct = default) =>
        ValidateAsync(request, action, spendNow: true, ct);

    /// <summary>
    /// Spends the live challenge a check made with <c>spendNow: false</c> left pending; a challenge already spent makes
    /// the result <c>replayed</c>.
    /// </summary>
    public async Task<BotCheckResult> SpendAsync(BotCheckResult result, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.PendingSpend is not { } spend)
        {
            return result;
        }

        if (await ledger.TrySpendAsync(spend.Id, spend.ExpiresAt, spend.Now, ct).ConfigureAwait(false))
        {
            return result with { PendingSpend = null };
        }

        return result with { Success = false, Score = 0.0, Errors = [.. result.Errors, BotCheckErrors.Replayed], PendingSpend = null };
    }

    /// <summary>
    /// As <see cref="ValidateAsync(HttpRequest, string, CancellationToken)"/>, but with <paramref name="spendNow"/> false
    /// a live challenge is not spent here: the result carries it as <see cref="BotCheckResult.PendingSpend"/>, and
    /// whether it was replayed is only known once the caller has spent it (see <see cref="ValidateBotProtectionAttribute.SpendWithSubmission"/>).
    /// </summary>
    public async Task<BotCheckResult> ValidateAsync(HttpRequest request, string action, bool spendNow, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ChallengeSigner.EnsureValidAction(action);

        var form = await BotForm.ReadAsync(request, ct).ConfigureAwait(false);
        var hostname = request.Host.Host;
        var errors = new List<string>();
        ChallengeSpend? pending = null;
        var token = form[BotProtectionFields.Challenge].ToString();
        var challenge = token.Length == 0 ? null : await signer.ReadAsync(token, ct).ConfigureAwait(false);
        if (challenge is null)
        {
            errors.Add(token.Length == 0 ? BotCheckErrors.MissingToken : BotCheckErrors.BadSignature);
        }
        else
        {
            var now = time.GetUtcNow().UtcDateTime;
            BotForm.CheckChallenge(challenge, action, now, options.Value, errors);
            if (!HasEnoughWork(token, form[BotProtectionFields.Nonce].ToString(), challenge.Difficulty))
            {
                errors.Add(BotCheckErrors.InsufficientWork);
            }

            // Any post that carries a live challenge spends it, whatever else failed: the form re-renders with a new one.
            var expiresAt = challenge.IssuedAt + options.Value.ChallengeLifetime;
            if (now <= expiresAt)
            {
                pending = new ChallengeSpend(challenge.Id, expiresAt, now);
            }
        }

        if (BotForm.HoneypotFilled(form))
        {
            errors.Add(BotCheckErrors.Honeypot);
        }

        var success = errors.Count == 0;
        var result = new BotCheckResult(success, success ? 1.0 : 0.0, challenge?.Action, hostname, challenge?.IssuedAt, errors) { PendingSpend = pending };
        return spendNow ? await SpendAsync(result, ct).ConfigureAwait(false) : result;
    }

    /// <summary>True when SHA-256 of <c>token:nonce</c> (UTF-8) starts with at least <paramref name="difficulty"/> zero bits.</summary>
    public static bool HasEnoughWork(string token, string nonce, int difficulty)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(nonce);
        if (difficulty <= 0)
        {
            return true;
        }

        if (nonce.Length is 0 or > NonceMaxLength)
        {
            return false;
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(token + ":" + nonce));
        return LeadingZeroBits(digest) >= difficulty;
    }

    private static int LeadingZeroBits(ReadOnlySpan<byte> bytes)
    {
        var bits = 0;
        foreach (var value in bytes)
        {
            var zeros = BitOperations.LeadingZeroCount(value) - 24;
            bits += zeros;
            if (zeros < 8)
            {
                break;
            }
        }

        return bits;
    }
}
