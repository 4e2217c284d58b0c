using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace TayNinhCchc.Web.BotProtection;

/// <summary>
/// Google reCAPTCHA v3: the browser asks Google for a token when the form is sent, and the server verifies it with
/// Google's siteverify (action, host name, score). The honeypot and the minimum fill time still apply, with a signed
/// time stamp in place of the proof-of-work challenge. If Google cannot be reached the check fails as
/// <c>siteverify-unreachable</c>: the submission is flagged, never lost, and no exception escapes.
/// </summary>
public sealed partial class RecaptchaV3Provider(
    IOptions<BotProtectionOptions> options,
    ChallengeSigner signer,
    IHttpClientFactory httpClients,
    TimeProvider time,
    ILogger<RecaptchaV3Provider> logger) : IBotProtection
{
    /// <summary>Name of the <see cref="HttpClient"/> used for siteverify (its timeout is <see cref="BotProtectionOptions.RecaptchaTimeout"/>).</summary>
    public const string HttpClientName = "TayNinhCchc.BotProtection.Recaptcha";

    /// <inheritdoc />
    public async Task<BotCheckResult> ValidateAsync(HttpRequest request, string action, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ChallengeSigner.EnsureValidAction(action);

        var settings = options.Value;
        var form = await BotForm.ReadAsync(request, ct).ConfigureAwait(false);
        var errors = new List<string>();
        var stampText = form[BotProtectionFields.Challenge].ToString();
        var stamp = stampText.Length == 0 ? null : await signer.ReadAsync(stampText, ct).ConfigureAwait(false);
        if (stamp is not null)
        {
            BotForm.CheckChallenge(stamp, action, time.GetUtcNow().UtcDateTime, settings, errors);
        }
        else if (stampText.Length > 0)
        {
            errors.Add(BotCheckErrors.BadSignature);
        }

        if (BotForm.HoneypotFilled(form))
        {
            errors.Add(BotCheckErrors.Honeypot);
        }

        var responseToken = form[BotProtectionFields.RecaptchaResponse].ToString();
        if (stampText.Length == 0 || responseToken.Length == 0)
        {
            errors.Insert(0, BotCheckErrors.MissingToken);
        }

        var verdict = responseToken.Length == 0
            ? null
            : await VerifyAsync(responseToken, request.HttpContext.Connection.RemoteIpAddress?.ToString(), ct).ConfigureAwait(false);
        if (verdict is null)
        {
            if (responseToken.Length > 0)
            {
                errors.Add(BotCheckErrors.SiteverifyUnreachable);
            }

            return new BotCheckResult(false, null, stamp?.Action, request.Host.Host, stamp?.IssuedAt, errors);
        }

        if (!verdict.Success)
        {
            errors.Add(BotCheckErrors.RecaptchaRejected);
            errors.AddRange(verdict.ErrorCodes ?? []);
        }
        else
        {
            if (!string.Equals(verdict.Action, action, StringComparison.Ordinal) && !errors.Contains(BotCheckErrors.WrongAction))
            {
                errors.Add(BotCheckErrors.WrongAction);
            }

            var expectedHost = string.IsNullOrEmpty(settings.RecaptchaExpectedHostname) ? request.Host.Host : settings.RecaptchaExpectedHostname;
            if (!string.Equals(verdict.Hostname, expectedHost, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(BotCheckErrors.WrongHostname);
            }

            if (verdict.Score is not { } score || score < settings.RecaptchaScoreThreshold)
            {
                errors.Add(BotCheckErrors.LowScore);
            }
        }

        return new BotCheckResult(
            errors.Count == 0,
            verdict.Score,
            verdict.Action ?? stamp?.Action,
            verdict.Hostname ?? request.Host.Host,
            verdict.ChallengeTimestamp?.UtcDateTime ?? stamp?.IssuedAt,
            errors);
    }

    /// <summary>Google's answer, or null when it could not be had (network, timeout, error status, unreadable body).</summary>
    private async Task<SiteverifyResponse?> VerifyAsync(string responseToken, string? remoteIp, CancellationToken ct)
    {
        var settings = options.Value;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("secret", settings.RecaptchaSecretKey ?? ""),
            new("response", responseToken),
        };
        if (remoteIp is not null)
        {
            fields.Add(new("remoteip", remoteIp));
        }

        try
        {
            using var content = new FormUrlEncodedContent(fields);
            using var response = await httpClients.CreateClient(HttpClientName)
                .PostAsync(settings.RecaptchaVerifyUrl, content, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogUnreachable(logger, $"HTTP {(int)response.StatusCode}");
                return null;
            }

            var verdict = await response.Content.ReadFromJsonAsync<SiteverifyResponse>(ct).ConfigureAwait(false);
            if (verdict is null)
            {
                LogUnreachable(logger, "an empty answer");
            }

            return verdict;
        }
        catch (HttpRequestException exception)
        {
            LogUnreachable(logger, exception.Message);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            LogUnreachable(logger, $"no answer within {settings.RecaptchaTimeout}");
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            LogUnreachable(logger, "an answer that is not siteverify JSON");
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "reCAPTCHA siteverify failed with {Reason}; the submission is flagged.")]
    private static partial void LogUnreachable(ILogger logger, string reason);

    private sealed record SiteverifyResponse(
        [property: JsonPropertyName("success")] bool Success,
        [property: JsonPropertyName("score")] double? Score,
        [property: JsonPropertyName("action")] string? Action,
        [property: JsonPropertyName("challenge_ts")] DateTimeOffset? ChallengeTimestamp,
        [property: JsonPropertyName("hostname")] string? Hostname,
        [property: JsonPropertyName("error-codes")] IReadOnlyList<string>? ErrorCodes);
}
