using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.BotProtection;

/// <summary>What a signed challenge says: which form, when, and how much work it asks for.</summary>
/// <param name="Id">128 random bits in base64url: what makes the challenge single-use.</param>
/// <param name="Action">The form it was issued for.</param>
/// <param name="IssuedAt">When it was issued (UTC).</param>
/// <param name="Difficulty">Leading zero bits the proof of work must reach (0 for a plain time stamp).</param>
public sealed record ChallengeToken(string Id, string Action, DateTime IssuedAt, int Difficulty);

/// <summary>
/// Issues and reads signed challenges: <c>base64url(payload) + "." + base64url(HMAC-SHA256(key, payload))</c>, where
/// the payload is a format byte, the 16-byte id, the issue time in UTC ticks (big-endian), the difficulty and the
/// action in ASCII. The key is <see cref="BotProtectionOptions.SigningKey"/> or the <c>BotProtection</c> portal secret,
/// so a challenge issued by one node is accepted by any other.
/// </summary>
public sealed partial class ChallengeSigner(IOptions<BotProtectionOptions> options, PortalSecrets secrets, TimeProvider time)
{
    /// <summary>Name of the key in <see cref="PortalSecrets"/> when no <see cref="BotProtectionOptions.SigningKey"/> is set.</summary>
    public const string SecretName = "BotProtection";

    /// <summary>Longest accepted action name.</summary>
    public const int ActionMaxLength = 64;

    private const byte Format = 1;
    private const int IdBytes = 16;
    private const int HeaderBytes = 1 + IdBytes + sizeof(long) + 1;
    private const int SignatureBytes = 32;

    // Longest token we ever issue; anything longer is rejected before it is decoded.
    private static readonly int MaxTokenLength =
        Base64Url.GetEncodedLength(HeaderBytes + ActionMaxLength) + 1 + Base64Url.GetEncodedLength(SignatureBytes);

    /// <summary>A new challenge for <paramref name="action"/> asking for <paramref name="difficulty"/> bits of work.</summary>
    public async Task<string> IssueAsync(string action, int difficulty, CancellationToken ct = default)
    {
        EnsureValidAction(action);
        ArgumentOutOfRangeException.ThrowIfNegative(difficulty);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(difficulty, 255);

        var payload = new byte[HeaderBytes + action.Length];
        payload[0] = Format;
        RandomNumberGenerator.Fill(payload.AsSpan(1, IdBytes));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(1 + IdBytes), time.GetUtcNow().UtcTicks);
        payload[HeaderBytes - 1] = (byte)difficulty;
        Encoding.ASCII.GetBytes(action, payload.AsSpan(HeaderBytes));

        var signature = HMACSHA256.HashData(await KeyAsync(ct).ConfigureAwait(false), payload);
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>The challenge in <paramref name="token"/>, or null when it is malformed or not signed with our key.</summary>
    public async Task<ChallengeToken?> ReadAsync(string token, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (token.Length > MaxTokenLength || dot < 0)
        {
            return null;
        }

        byte[] payload;
        byte[] signature;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return null;
        }

        var expected = HMACSHA256.HashData(await KeyAsync(ct).ConfigureAwait(false), payload);
        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return null;
        }

        // Past this point the payload is ours, so its layout can be trusted.
        if (payload.Length < HeaderBytes || payload[0] != Format)
        {
            return null;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(1 + IdBytes));
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return null;
        }

        return new ChallengeToken(
            Base64Url.EncodeToString(payload.AsSpan(1, IdBytes)),
            Encoding.ASCII.GetString(payload.AsSpan(HeaderBytes)),
            new DateTime(ticks, DateTimeKind.Utc),
            payload[HeaderBytes - 1]);
    }

    /// <summary>
    /// Action names follow reCAPTCHA's rule (letters, digits, <c>_</c> and <c>/</c>), so the same name works with both
    /// providers.
    /// </summary>
    public static void EnsureValidAction(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!ActionPattern().IsMatch(action))
        {
            throw new ArgumentException(
                $"A bot-protection action is 1 to {ActionMaxLength} letters, digits, '_' or '/'; '{action}' is not.", nameof(action));
        }
    }

    private async Task<byte[]> KeyAsync(CancellationToken ct)
    {
        // The options validator has already checked that a configured key is base64 of at least 32 bytes.
        if (options.Value.SigningKey is { Length: > 0 } configured)
        {
            return Convert.FromBase64String(configured);
        }

        return await secrets.GetAsync(SecretName, ct).ConfigureAwait(false);
    }

    [GeneratedRegex("^[A-Za-z0-9_/]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex ActionPattern();
}
