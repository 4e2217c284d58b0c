using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using TayNinhCchc.Web.BotProtection;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Endpoints;
using TayNinhCchc.Web.Infrastructure;

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

var builder = WebApplication.CreateBuilder(args);

// Content: Markdown and YAML under content/, loaded into an immutable snapshot and reloaded on change.
builder.Services.AddOptions<ContentOptions>().Bind(builder.Configuration.GetSection(ContentOptions.Section));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddOptions<SiteOptions>().Bind(builder.Configuration.GetSection(SiteOptions.Section));
builder.Services.AddSingleton<MarkdownRenderer>();
builder.Services.AddSingleton<ContentLoader>();
builder.Services.AddSingleton<ContentLibrary>();

// Database: SQLite by default, PostgreSQL when configured; Data Protection keys live in it.
builder.Services.AddPortalDatabase(builder.Configuration);
builder.Services.AddDataProtection().SetApplicationName("TayNinhCchc").PersistKeysToDbContext<PortalDbContext>();

// Anti-bot check and rate limit for citizen forms (proof of work by default, reCAPTCHA v3 when configured).
builder.Services.AddBotProtection(builder.Configuration);

// Vietnamese letters go out as UTF-8 text, not as numeric entities: pages stay small and readable.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
    options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddRazorPages(options => options.Conventions.ConfigureFilter(new AutoValidateAntiforgeryTokenAttribute()));
// Content pages are cached whole until the content changes: the snapshot version is part of the cache key.
builder.Services.AddOutputCache(options => options.AddPolicy(ContentCache.Policy, ContentCache.Configure));
builder.Services.AddHealthChecks()
    .AddDbContextCheck<PortalDbContext>("database")
    .AddCheck<ContentHealthCheck>("content");

var app = builder.Build();

await app.MigratePortalDatabaseAsync();
_ = app.Services.GetRequiredService<ContentLibrary>(); // load content before the first request

// Errors and missing pages get Vietnamese pages; every response carries the security headers.
app.UseExceptionHandler("/loi/500");
app.UseStatusCodePagesWithReExecute("/loi/{0}");
app.UseMiddleware<SecurityHeaders>();

app.UseContentImages();
app.MapStaticAssets();
app.UseRouting();
app.UseBotProtection();
app.UseOutputCache();

app.MapHealthChecks("/health");
app.MapSiteEndpoints();
app.MapOpenDataEndpoints();
app.MapRazorPages().WithStaticAssets();

await app.RunAsync();
return 0;
