using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TayNinhCchc.Web.Tests.BotProtection;

/// <summary>
/// A stand-in for Google's siteverify on a real loopback port: answers what the test sets in <see cref="Answer"/> and
/// records every form it receives.
/// </summary>
public sealed class FakeSiteverify : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeSiteverify(WebApplication app)
    {
        this.app = app;
    }

    /// <summary>The siteverify address to configure as <c>BotProtection:RecaptchaVerifyUrl</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>What the next requests get: a JSON body (or anything else), its content type, and an optional delay.</summary>
    public (string Body, string ContentType, TimeSpan Delay) Answer { get; set; } = Accepting;

    /// <summary>Google's answer for a person on the probe form.</summary>
    public static (string Body, string ContentType, TimeSpan Delay) Accepting { get; } =
        (Json(true, 0.9, ProbePortal.Action, "localhost"), "application/json", TimeSpan.Zero);

    public ConcurrentQueue<IReadOnlyDictionary<string, string>> Received { get; } = new();

    public static async Task<FakeSiteverify> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeSiteverify(app);
        app.MapPost("/recaptcha/api/siteverify", fake.HandleAsync);
        await app.StartAsync();
        fake.Url = new Uri(new Uri(app.Urls.Single()), "/recaptcha/api/siteverify");
        return fake;
    }

    /// <summary>A siteverify answer as Google writes it.</summary>
    public static string Json(bool success, double? score, string? action, string? hostname, params string[] errorCodes) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["success"] = success,
            ["score"] = score,
            ["action"] = action,
            ["challenge_ts"] = "2026-11-28T03:00:05Z",
            ["hostname"] = hostname,
            ["error-codes"] = errorCodes,
        });

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        Received.Enqueue(form.ToDictionary(field => field.Key, field => field.Value.ToString(), StringComparer.Ordinal));
        var (body, contentType, delay) = Answer;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body, context.RequestAborted);
    }
}
