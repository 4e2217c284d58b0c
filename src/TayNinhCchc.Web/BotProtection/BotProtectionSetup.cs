using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TayNinhCchc.Web.BotProtection;

/// <summary>Registers the anti-bot check, its tag helper's services and the rate limit on protected form posts.</summary>
public static class BotProtectionSetup
{
    /// <summary>
    /// The rate-limit policy on POSTs to pages with <see cref="ValidateBotProtectionAttribute"/> (applied automatically):
    /// <see cref="BotProtectionOptions.PermitsPerMinute"/> per client address in a sliding minute, per node.
    /// </summary>
    public const string RateLimitPolicy = "bot-protection";

    /// <summary>What a client over the limit reads (HTTP 429).</summary>
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
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(RateLimitPolicy, context =>
            {
                // Showing the form is never limited; only sending it is.
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("");
                }

                var permits = context.RequestServices.GetRequiredService<IOptions<BotProtectionOptions>>().Value.PermitsPerMinute;
                return RateLimitPartition.GetSlidingWindowLimiter(ClientKey(context), _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    SegmentsPerWindow = 6,
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>Adds the rate limiter to the pipeline; call it after <c>UseRouting</c> so it sees the page's policy.</summary>
    public static IApplicationBuilder UseBotProtection(this IApplicationBuilder app) => app.UseRateLimiter();

    /// <summary>
    /// The partition of a client: its IP address, or for IPv6 its /64 network, since one subscriber usually holds a whole
    /// /64 and could otherwise step through addresses.
    /// </summary>
    internal static string ClientKey(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var response = rejected.HttpContext.Response;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        // A content type keeps the status-code pages from replacing this message with the generic error page.
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync(RateLimitMessage, ct).ConfigureAwait(false);
    }
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
