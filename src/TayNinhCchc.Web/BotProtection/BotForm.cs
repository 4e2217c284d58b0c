namespace TayNinhCchc.Web.BotProtection;

/// <summary>The checks both providers make on the posted form: the honeypot and the signed time stamp.</summary>
internal static class BotForm
{
    public static async Task<IFormCollection> ReadAsync(HttpRequest request, CancellationToken ct) =>
        request.HasFormContentType ? await request.ReadFormAsync(ct).ConfigureAwait(false) : FormCollection.Empty;

    public static bool HoneypotFilled(IFormCollection form) => form[BotProtectionFields.Honeypot].Any(value => !string.IsNullOrEmpty(value));

    /// <summary>Checks that the challenge belongs to this form, is still valid and was not answered faster than a person can.</summary>
    public static void CheckChallenge(ChallengeToken challenge, string action, DateTime now, BotProtectionOptions options, List<string> errors)
    {
        if (!string.Equals(challenge.Action, action, StringComparison.Ordinal))
        {
            errors.Add(BotCheckErrors.WrongAction);
        }

        var age = now - challenge.IssuedAt;
        if (age > options.ChallengeLifetime)
        {
            errors.Add(BotCheckErrors.Expired);
        }

        // A negative age (a node whose clock is behind the issuer's) counts as too fast as well: it cannot prove a delay.
        if (age < options.MinimumFillTime)
        {
            errors.Add(BotCheckErrors.TooFast);
        }
    }
}
