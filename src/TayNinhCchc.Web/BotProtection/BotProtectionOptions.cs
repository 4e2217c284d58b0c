using System.ComponentModel.DataAnnotations;

namespace TayNinhCchc.Web.BotProtection;

/// <summary>
/// Settings of the anti-bot check on citizen forms (configuration section <c>BotProtection</c>). By default the portal
/// needs no outside service: the browser solves a small proof-of-work puzzle. reCAPTCHA v3 is an opt-in alternative
/// for deployments that may call Google.
/// </summary>
public sealed class BotProtectionOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "BotProtection";

    /// <summary>Which check the forms use. Default: <see cref="BotProtectionProvider.ProofOfWork"/>.</summary>
    public BotProtectionProvider Provider { get; set; } = BotProtectionProvider.ProofOfWork;

    /// <summary>
    /// Leading zero bits the SHA-256 of <c>token:nonce</c> must have. Default: 16, i.e. 65,536 hashes on average.
    /// The browser script hashes about 660,000 candidates a second on one server core in Chromium (measured); assuming a
    /// low-end phone is ten times slower (not measured), it needs about a second on average and one time in twenty about
    /// three seconds. The worker starts when the page opens, long before a citizen finishes a form, so nobody waits.
    /// Each extra bit doubles the work for citizens and bots alike.
    /// </summary>
    [Range(0, 32)]
    public int ProofOfWorkDifficulty { get; set; } = 16;

    /// <summary>
    /// How long a challenge (or the signed time stamp of the reCAPTCHA provider) stays valid. Default: 30 minutes,
    /// because citizens fill a survey slowly and may be interrupted.
    /// </summary>
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// A form sent sooner than this after it was rendered is marked <c>too-fast</c>: people need a few seconds, scripts
    /// do not. Default: 3 seconds.
    /// </summary>
    public TimeSpan MinimumFillTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Base64 HMAC-SHA256 key (at least 32 bytes) that signs challenges. Every node must use the same key. When empty,
    /// the key comes from <c>Secrets:BotProtection</c> in configuration; one of the two is required outside Development,
    /// where alone it is otherwise generated once and kept in the database (see <see cref="Data.PortalSecrets"/>).
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>reCAPTCHA v3 site key (public, sent to browsers). Required when <see cref="Provider"/> is <c>Recaptcha</c>.</summary>
    public string? RecaptchaSiteKey { get; set; }

    /// <summary>reCAPTCHA v3 secret key (server only). Required when <see cref="Provider"/> is <c>Recaptcha</c>.</summary>
    public string? RecaptchaSecretKey { get; set; }

    /// <summary>
    /// Google's verification endpoint. Default: <c>https://www.google.com/recaptcha/api/siteverify</c>; tests point it at
    /// a local fake.
    /// </summary>
    public Uri RecaptchaVerifyUrl { get; set; } = new("https://www.google.com/recaptcha/api/siteverify");

    /// <summary>reCAPTCHA v3 scores run from 0.0 (bot) to 1.0 (human); lower scores fail as <c>low-score</c>. Default: 0.5.</summary>
    [Range(0.0, 1.0)]
    public double RecaptchaScoreThreshold { get; set; } = 0.5;

    /// <summary>
    /// Host name Google must report for the token (the site the widget ran on). When empty, the host of the request being
    /// checked.
    /// </summary>
    public string? RecaptchaExpectedHostname { get; set; }

    /// <summary>
    /// How long to wait for Google before the check fails as <c>siteverify-unreachable</c>. Default: 5 seconds, so a
    /// slow outside service delays a submission only briefly and never loses it.
    /// </summary>
    public TimeSpan RecaptchaTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Form posts without a valid proof of work accepted per client IP address (IPv6: per /64 network) in any sliding
    /// minute on pages that carry <see cref="ValidateBotProtectionAttribute"/> (see <see cref="ProofOfWorkWeight"/> and
    /// <see cref="SubmissionLimiter"/>); more get HTTP 429, with the form shown again. Default: 10. The count is kept in memory, so the
    /// limit is <b>per node</b>: behind a load balancer with N nodes a client may send up to N times as many. Behind a
    /// reverse proxy, forwarded headers must be configured or every client shares the proxy's address.
    /// </summary>
    [Range(1, 1_000_000)]
    public int PermitsPerMinute { get; set; } = 10;

    /// <summary>
    /// How many posts carrying a valid proof of work (for a challenge not seen before) count as one post without it.
    /// Each browser at a one-stop counter does its own work, so citizens sharing the counter's address get through;
    /// a script re-sending one form or posting without the work gets <see cref="PermitsPerMinute"/>. Default: 10.
    /// </summary>
    [Range(1, 1000)]
    public int ProofOfWorkWeight { get; set; } = 10;

    /// <summary>
    /// Known networks whose citizens share one address (a one-stop counter's Wi-Fi behind NAT), each with its own
    /// <see cref="CounterNetwork.PermitsPerMinute"/> instead of <see cref="PermitsPerMinute"/>; the first match wins.
    /// </summary>
    public List<CounterNetwork> CounterNetworks { get; } = [];
}

/// <summary>A network in CIDR notation (<c>203.0.113.0/24</c>, <c>2001:db8:1::/48</c>) and its per-address limit.</summary>
public sealed class CounterNetwork
{
    public string? Network { get; set; }

    /// <summary>Posts per address per sliding minute (before the proof-of-work weight).</summary>
    public int PermitsPerMinute { get; set; }
}

/// <summary>Anti-bot checks the portal can use.</summary>
public enum BotProtectionProvider
{
    /// <summary>A signed challenge the browser solves with SHA-256; no outside service.</summary>
    ProofOfWork,

    /// <summary>Google reCAPTCHA v3 (the browser loads Google's script; the server calls Google's siteverify).</summary>
    Recaptcha,
}
