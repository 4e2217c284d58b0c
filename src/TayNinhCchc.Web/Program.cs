using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using TayNinhCchc.Web.Accounts;
using TayNinhCchc.Web.BotProtection;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Dashboard;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Endpoints;
using TayNinhCchc.Web.Infrastructure;
using TayNinhCchc.Web.Survey;

// `check-content [folder]` validates the content and exits without starting the web server (used by CI).
if (args.Length > 0 && args[0] == "check-content")
{
    return ContentCheckCommand.Run(args.Skip(1).ToArray(), Console.Out);
}

// `import-tthc <file.csv|file.xlsx> --published-by … --source …` imports a provincial danh mục TTHC into content/thu-tuc.
if (args.Length > 0 && args[0] == TayNinhCchc.Web.Procedures.Import.ProcedureImportCommand.Name)
{
    return TayNinhCchc.Web.Procedures.Import.ProcedureImportCommand.Run(args.Skip(1).ToArray(), Console.Out, TimeProvider.System);
}

// `import-co-quan <file.csv|file.xlsx>` imports the province's list of agencies into content/co-quan.yml.
if (args.Length > 0 && args[0] == TayNinhCchc.Web.Content.Import.AgencyImportCommand.Name)
{
    return TayNinhCchc.Web.Content.Import.AgencyImportCommand.Run(args.Skip(1).ToArray(), Console.Out, TimeProvider.System);
}

// `create-admin` / `create-user --email … [--agency …]` create a dashboard account (password from standard input).
if (AccountCommands.Handles(args))
{
    return await AccountCommands.RunAsync(args);
}

// `seed-demo [--count N] [--months M] [--seed S] [--allow-production]` adds labelled demo ratings and exits; the other
// arguments (--environment, --ConnectionStrings:Portal=…) configure the host as for the site.
DemoSeedOptions? demoSeed = null;
if (args.Length > 0 && args[0] == DemoSeedCommand.Name)
{
    if (args.Skip(1).Any(arg => arg is "-h" or "--help"))
    {
        Console.WriteLine(DemoSeedCommand.Usage);
        return DemoSeedCommand.Success;
    }

    if (!DemoSeedCommand.TryParse(args[1..], out var parsed, out args, out var error))
    {
        Console.WriteLine($"Lỗi: {error}");
        Console.WriteLine(DemoSeedCommand.Usage);
        return DemoSeedCommand.UsageError;
    }

    demoSeed = parsed;
}

var builder = WebApplication.CreateBuilder(args);
if (demoSeed is not null)
{
    // The command prints its own summary; thousands of logged INSERTs would bury it.
    builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
}

// Content: Markdown and YAML under content/, loaded into an immutable snapshot and reloaded on change.
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddPortalContent(builder.Configuration);
builder.Services.AddOptions<SiteOptions>().Bind(builder.Configuration.GetSection(SiteOptions.Section));

// Outside Development the keys come from configuration, never from the database they protect: refuse to run without
// them (`migrate` needs none; `seed-demo` refuses Production by itself unless --allow-production is given).
if (args is not ["migrate", ..] && demoSeed is null or { AllowProduction: true })
{
    ConfiguredKeys.EnsureConfigured(builder.Configuration, builder.Environment);
}

// Database: SQLite by default, PostgreSQL when configured; the Data Protection key ring lives in it, encrypted with the
// configured certificate.
builder.Services.AddPortalDatabase(builder.Configuration);
builder.Services.AddPortalDataProtection(builder.Configuration);

// Satisfaction survey: versioned criteria from content/danh-gia, ratings and tallies in the database.
builder.Services.AddOptions<SurveyOptions>().Bind(builder.Configuration.GetSection(SurveyOptions.Section))
    .Validate(survey => survey.MaxCommentLength is > 0 and <= Rating.MaxCommentLength && survey.MaxReasonLength is > 0 and <= RatingAnswer.MaxReasonLength,
        $"Survey:MaxCommentLength must be 1-{Rating.MaxCommentLength} and Survey:MaxReasonLength 1-{RatingAnswer.MaxReasonLength}: what is stored must fit its column.")
    .ValidateOnStart();
builder.Services.AddSingleton<CriteriaRegistry>();
builder.Services.AddSingleton<RatingWriter>();
builder.Services.AddHostedService(services => services.GetRequiredService<RatingWriter>());
// Anti-bot challenges are spent by the same writer, in the ratings' transactions: one write lock, one flush per group.
// The ledger's own rules (spend once, sweep expired rows) are ChallengeLedger's.
builder.Services.AddSingleton<ChallengeLedger>();
builder.Services.AddSingleton<IChallengeLedger>(services => services.GetRequiredService<RatingWriter>());
builder.Services.AddSingleton<RatingRecorder>();
builder.Services.AddSingleton<RetentionSweep>();
builder.Services.AddHostedService(services => services.GetRequiredService<RetentionSweep>());

builder.Services.Configure<ForwardedHeadersOptions>(options =>
{
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    foreach (var proxy in builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
    {
        options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
    }
});

// Agency dashboard (/quan-tri): Identity accounts, cookie sign-in, staff scoped to their own agency, audit log.
builder.Services.AddAgencyDashboard(builder.Configuration, builder.Environment);
builder.Services.AddSingleton<RatingStatistics>();
builder.Services.AddSingleton<RatingOpenData>();

// Anti-bot check and rate limit for citizen forms (proof of work by default, reCAPTCHA v3 when configured).
builder.Services.AddBotProtection(builder.Configuration);

// Vietnamese letters go out as UTF-8 text, not as numeric entities: pages stay small and readable.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
    options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
// Outside Development TLS ends at the reverse proxy (README, Deployment): every cookie is Secure, like the sign-in
// cookie, and browsers are told to come back over HTTPS only. HSTS applies to requests that arrived as HTTPS, which
// behind the proxy means X-Forwarded-Proto: https from a known proxy (UseForwardedHeaders runs first).
builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy =
    builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
builder.Services.AddHttpsRedirection(options =>
    options.HttpsPort = builder.Configuration.GetValue<int?>("HTTPS_PORT") ?? 443);
builder.Services.AddRazorPages(options => options.Conventions
    .ConfigureFilter(new AutoValidateAntiforgeryTokenAttribute())
    .AddDashboardConventions());
// Content pages are cached whole until the content changes: the snapshot version is part of the cache key.
builder.Services.AddOutputCache(options =>
{
    options.AddPolicy(ContentCache.Policy, ContentCache.Configure);
    options.AddPolicy(ProcedureRatings.CachePolicy, ProcedureRatings.ConfigureCache);
});
builder.Services.AddHealthChecks()
    .AddDbContextCheck<PortalDbContext>("database")
    .AddCheck<ContentHealthCheck>("content");

var app = builder.Build();

// `migrate` applies the migrations and exits: with several nodes, run it once and start the nodes with
// Database:MigrateOnStartup=false, so they never race to change the schema.
if (args.Length > 0 && args[0] == "migrate")
{
    await app.MigratePortalDatabaseAsync(force: true);
    Console.WriteLine("Database migrated.");
    return 0;
}

if (demoSeed is not null)
{
    return await DemoSeedCommand.RunAsync(app.Services, app.Environment, demoSeed, Console.Out);
}

await app.MigratePortalDatabaseAsync();
_ = app.Services.GetRequiredService<ContentLibrary>(); // load content before the first request

// Behind a load balancer the client's address comes from X-Forwarded-For, trusted only from known proxies
// (loopback by default; more in ForwardedHeaders:KnownProxies): rate limits and abuse hashes need the real client.
app.UseForwardedHeaders();

// Errors and missing pages get Vietnamese pages; every response carries the security headers.
app.UseExceptionHandler("/loi/500");
app.UseStatusCodePagesWithReExecute("/loi/{0}");
// After the error handlers: they clear the headers of a failed response and re-run what follows, HSTS included.
// Outside Development every page is HTTPS: the antiforgery and sign-in cookies are Secure, so a form reached over plain
// HTTP could never be sent; such a request is redirected instead. The load balancer's health checks stay on HTTP.
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
    app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), https => https.UseHttpsRedirection());
}

app.UseMiddleware<SecurityHeaders>();
app.UseDashboardNoStore();

app.UseContentImages();
app.MapStaticAssets();
app.UseRouting();
// Authorization runs before the output cache, so no cached response can ever skip it.
app.UseAuthentication();
app.UseAuthorization();
// A NUL byte in a posted form would otherwise be an empty 400 before any page sees it (FormText).
app.UseNulSafeForms();
app.UseOutputCache();

app.MapHealthChecks("/health");
app.MapSiteEndpoints();
app.MapOpenDataEndpoints();
app.MapRatingOpenDataEndpoints();
app.MapRazorPages().WithStaticAssets();

await app.RunAsync();
return 0;
