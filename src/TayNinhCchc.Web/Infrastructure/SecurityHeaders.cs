using Microsoft.Extensions.Options;
using TayNinhCchc.Web.BotProtection;

namespace TayNinhCchc.Web.Infrastructure;

/// <summary>
/// Security headers on every response. The CSP allows only this site's own scripts, styles and images: the portal
/// must work on a closed network, and no inline script is ever needed. The one exception is opt-in: when the anti-bot
/// check is reCAPTCHA, Google's reCAPTCHA script and frame origins (as Google documents them) are allowed as well.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<BotProtectionOptions> botProtection)
{
    private readonly string contentSecurityPolicy = botProtection.Value.Provider == BotProtectionProvider.Recaptcha
        ? "default-src 'self'; script-src 'self' https://www.google.com/recaptcha/ https://www.gstatic.com/recaptcha/; " +
          "frame-src https://www.google.com/recaptcha/ https://recaptcha.google.com/recaptcha/; style-src 'self'; " +
          "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
          "form-action 'self'; frame-ancestors 'none'"
        : "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
          "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = contentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
