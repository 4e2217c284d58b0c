using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace TayNinhCchc.Web.Tests;

/// <summary>
/// The portal over real HTTP with a real database of its own: a SQLite file in a temporary folder, or — when
/// <c>TAYNINHCCHC_TEST_POSTGRES</c> holds a server connection string (tests/run.sh starts one) — a fresh PostgreSQL
/// database, dropped afterwards. By default it serves the repository's shipped <c>content/</c>; tests that need
/// broken or special content pass their own folder.
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string? contentRoot;
    private readonly bool watchContent;
    private readonly IReadOnlyDictionary<string, string> settings;

    public PortalFactory()
        : this(contentRoot: null)
    {
    }

    private PortalFactory(string? contentRoot, bool watchContent = false, DateTimeOffset? now = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        this.contentRoot = contentRoot;
        this.watchContent = watchContent;
        this.settings = settings ?? new Dictionary<string, string>();
        Time = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero));
        DataDirectory = Directory.CreateTempSubdirectory("tayninhcchc-tests-").FullName;
        ConnectionString = TestDatabase.Create(DatabasePath);
    }

    /// <summary><c>Sqlite</c>, or <c>Postgres</c> when the suite runs against a PostgreSQL server.</summary>
    public static string Provider => TestDatabase.Provider;

    /// <summary>This portal's own database.</summary>
    public string ConnectionString { get; }

    /// <summary>A portal over its own content folder (broken or special content), with its own clock and settings.</summary>
    public static PortalFactory ForContent(string contentRoot, bool watchContent = false, DateTimeOffset? now = null, IReadOnlyDictionary<string, string>? settings = null) =>
        new(contentRoot, watchContent, now, settings);

    /// <summary>The clock pages see; tests move it to publish scheduled articles.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>Temporary folder holding this factory's database file.</summary>
    public string DataDirectory { get; }

    public string DatabasePath => Path.Combine(DataDirectory, "portal.db");

    /// <summary>
    /// When set, a request header of that name gives the client's IP address: the in-memory test server has none, and
    /// limits per address or per network need one.
    /// </summary>
    public string? ClientAddressHeader { get; set; }

    /// <summary>
    /// A citizen's browser on the public site. HTTPS, as in production: outside Development the antiforgery cookie is
    /// Secure, and a browser sends it back only over HTTPS.
    /// </summary>
    public HttpClient CreatePortalClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Portal", ConnectionString);
        builder.UseSetting("Content:Root", contentRoot ?? RepositoryPaths.Content);
        builder.UseSetting("Content:WatchForChanges", watchContent ? "true" : "false");
        builder.UseSetting("Content:ReloadDelayMilliseconds", "100");
        // Bot protection as a citizen with JavaScript meets it, made cheap for tests: little work, no waiting on the
        // fake clock, no rate limit. First in the list, so any setting a test gives (here or in WithWebHostBuilder) wins.
        builder.ConfigureAppConfiguration(configuration => configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["BotProtection:ProofOfWorkDifficulty"] = "4",
                ["BotProtection:MinimumFillTime"] = "00:00:00",
                ["BotProtection:PermitsPerMinute"] = "100000",
                // Warnings and errors only: every SQL statement of 600 tests buried CI's log, failures included.
                ["Logging:LogLevel:Default"] = "Warning",
            },
        }));
        // The keys Production refuses to start without, as settings: the start-up check reads them before the host is
        // built, when sources added above are not there yet. A test's own settings come later and can take one away.
        foreach (var (key, value) in TestKeys.Settings.Concat(settings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time)));
        if (ClientAddressHeader is { } header)
        {
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ClientAddressFromHeader(header)));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        TestDatabase.Drop(ConnectionString);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the OS is left for the temp cleaner; the test outcome does not depend on it.
        }
    }
}

/// <summary>Sets the connection's remote address from a test header, before the portal's own pipeline runs.</summary>
internal sealed class ClientAddressFromHeader(string header) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (System.Net.IPAddress.TryParse(context.Request.Headers[header].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>One portal over the shipped content, shared by the tests that only read.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPortal : ICollectionFixture<PortalFactory>
{
    public const string Name = "Portal with shipped content";
}

internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TayNinhCchc.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TayNinhCchc.sln not found above " + AppContext.BaseDirectory);
    }
}
