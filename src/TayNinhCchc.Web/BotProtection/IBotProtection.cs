namespace TayNinhCchc.Web.BotProtection;

/// <summary>
/// Checks whether a form post came from a person, in the shape of reCAPTCHA.AspNetCore's <c>Validate(HttpRequest)</c>.
/// The registered implementation follows <see cref="BotProtectionOptions.Provider"/>.
/// </summary>
public interface IBotProtection
{
    /// <summary>
    /// Checks the posted form of <paramref name="request"/> for <paramref name="action"/> (the name given to the
    /// <c>&lt;bot-protection&gt;</c> tag helper). Never throws for a bad or missing submission: the result says what failed.
    /// </summary>
    Task<BotCheckResult> ValidateAsync(HttpRequest request, string action, CancellationToken ct = default);
}

/// <summary>Names of the form fields the <c>&lt;bot-protection&gt;</c> tag helper renders and the providers read.</summary>
public static class BotProtectionFields
{
    /// <summary>The signed challenge (proof of work) or signed time stamp (reCAPTCHA).</summary>
    public const string Challenge = "bot-challenge";

    /// <summary>The proof-of-work solution the browser script writes in.</summary>
    public const string Nonce = "bot-nonce";

    /// <summary>The honeypot: people never see it, form-filling scripts fill it in.</summary>
    public const string Honeypot = "website";

    /// <summary>The reCAPTCHA v3 token, under the name Google's examples use.</summary>
    public const string RecaptchaResponse = "g-recaptcha-response";
}
