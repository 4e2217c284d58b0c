using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TayNinhCchc.Web.BotProtection;

/// <summary>Registers the anti-bot check, its tag helper's services and the rate limit on protected form posts.</summary>
public static class BotProtectionSetup
{
    /// <summary>What a client over the limit reads (HTTP 429) from a page that cannot show its form again.</summary>
    public const string RateLimitMessage = "Bạn gửi quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau ít phút.";

    /// <summary>
    /// Binds <see cref="BotProtectionOptions"/> and registers the configured <see cref="IBotProtection"/>. The host
    /// registers the <see cref="IChallengeLedger"/> (the portal: its rating writer).
    /// </summary>
    public static IServiceCollection AddBotProtection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BotProtectionOptions>()
            .Bind(configuration.GetSection(BotProtectionOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotProtectionOptions>, BotProtectionOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ChallengeSigner>();
        services.AddSingleton<ProofOfWorkProvider>();
        services.AddSingleton<RecaptchaV3Provider>();
        services.AddSingleton<IBotProtection>(provider =>
            provider.GetRequiredService<IOptions<BotProtectionOptions>>().Value.Provider == BotProtectionProvider.Recaptcha
                ? provider.GetRequiredService<RecaptchaV3Provider>()
                : provider.GetRequiredService<ProofOfWorkProvider>());
        services.AddHttpClient(RecaptchaV3Provider.HttpClientName, (provider, client) =>
            client.Timeout = provider.GetRequiredService<IOptions<BotProtectionOptions>>().Value.RecaptchaTimeout);

        // Post-configure: RazorPagesOptionsSetup replaces the convention collection, whatever order services were added in.
        services.PostConfigure<RazorPagesOptions>(pages =>
            pages.Conventions.Add(new BotProtectionPageConvention()));
        services.AddSingleton<SubmissionLimiter>();
        return services;
    }

    /// <summary>
    /// What a citizen reads when the form comes back refused by the limit: that the answers are kept, and when to send
    /// again (in seconds and as a Vietnam clock time).
    /// </summary>
    public static string RetryMessage(TimeSpan wait, DateTimeOffset vietnamNow) =>
        string.Create(CultureInfo.InvariantCulture, $"Có quá nhiều lượt gửi từ cùng địa chỉ mạng của bạn trong một phút. Câu trả lời của bạn vẫn được giữ trên trang này: vui lòng gửi lại sau {Seconds(wait)} giây (từ {vietnamNow + TimeSpan.FromSeconds(Seconds(wait)):HH:mm:ss}).");

    /// <summary>Whole seconds to wait, at least one: what the <c>Retry-After</c> header says.</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}

/// <summary>Fails start-up on settings the checks cannot work with, rather than on the first citizen's submission.</summary>
internal sealed class BotProtectionOptionsValidator : IValidateOptions<BotProtectionOptions>
{
    public ValidateOptionsResult Validate(string? name, BotProtectionOptions options)
    {
        var failures = new List<string>();
        if (options.SigningKey is { Length: > 0 } key && !IsKey(key))
        {
            failures.Add($"{BotProtectionOptions.Section}:SigningKey must be base64 of at least 32 bytes.");
        }

        if (options.ChallengeLifetime <= TimeSpan.Zero)
        {
            failures.Add($"{BotProtectionOptions.Section}:ChallengeLifetime must be positive.");
        }

        if (options.MinimumFillTime < TimeSpan.Zero || options.MinimumFillTime >= options.ChallengeLifetime)
        {
            failures.Add($"{BotProtectionOptions.Section}:MinimumFillTime must be between zero and ChallengeLifetime.");
        }

        if (options.RecaptchaTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{BotProtectionOptions.Section}:RecaptchaTimeout must be positive.");
        }

        foreach (var counter in options.CounterNetworks)
        {
            if (!System.Net.IPNetwork.TryParse(counter.Network, out _))
            {
                failures.Add($"{BotProtectionOptions.Section}:CounterNetworks: «{counter.Network}» is not a network in CIDR notation (e.g. 203.0.113.0/24).");
            }

            if (counter.PermitsPerMinute is < 1 or > 1_000_000)
            {
                failures.Add($"{BotProtectionOptions.Section}:CounterNetworks: {counter.Network} needs PermitsPerMinute between 1 and 1000000.");
            }
        }

        if (options.Provider == BotProtectionProvider.Recaptcha
            && (string.IsNullOrWhiteSpace(options.RecaptchaSiteKey) || string.IsNullOrWhiteSpace(options.RecaptchaSecretKey)))
        {
            failures.Add($"{BotProtectionOptions.Section}:Provider is Recaptcha but RecaptchaSiteKey or RecaptchaSecretKey is empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsKey(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var length) && length >= 32;
    }
}
