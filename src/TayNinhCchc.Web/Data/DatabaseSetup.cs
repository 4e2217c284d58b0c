using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Options;

namespace TayNinhCchc.Web.Data;

/// <summary>Registers the provider-specific <see cref="PortalDbContext"/> and <see cref="PortalSecrets"/>; applies migrations.</summary>
public static class DatabaseSetup
{
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));

        // Pooled: every request and the rating writer take a context; building one per request showed in profiles.
        if (options.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextPool<PortalDbContext, PostgresPortalDbContext>((sp, db) =>
                db.UseNpgsql(PostgresConnectionString(sp.GetRequiredService<IConfiguration>())));
        }
        else
        {
            services.AddDbContextPool<PortalDbContext, SqlitePortalDbContext>((sp, db) => db
                .UseSqlite(SqliteConnectionString(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IWebHostEnvironment>()))
                .AddInterceptors(new SqlitePragmas(options.SqliteSynchronous, options.SqliteBusyTimeoutMilliseconds)));
        }

        services.AddSingleton<PortalSecrets>();
        return services;
    }

    /// <summary>
    /// Applies pending migrations when <see cref="DatabaseOptions.MigrateOnStartup"/> is on, or always when
    /// <paramref name="force"/> (the <c>migrate</c> command, run once before starting several nodes).
    /// </summary>
    public static async Task MigratePortalDatabaseAsync(this WebApplication app, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!force && !app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.MigrateAsync();
    }

    private static string SqliteConnectionString(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString("Portal");
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured)
            ? $"Data Source={Path.Combine("App_Data", "portal.db")}"
            : configured);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(environment.ContentRootPath, builder.DataSource);
        }

        if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return builder.ToString();
    }

    private static string PostgresConnectionString(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("Portal");
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Portal is empty.");
        }

        // The portal runs a few statements over and over (the rating writer's inserts and upserts above all); with
        // automatic preparation PostgreSQL stops parsing and planning them each time: one node's survey ingest went
        // from 344–434 to 572–614 ratings/s. A connection string that sets it itself keeps its own value.
        if (new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured }.ContainsKey(MaxAutoPrepareKeyword))
        {
            return configured;
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(configured) { MaxAutoPrepare = DefaultMaxAutoPrepare }.ConnectionString;
    }

    private const string MaxAutoPrepareKeyword = "Max Auto Prepare";

    /// <summary>Statements Npgsql keeps prepared per connection when the connection string does not say.</summary>
    internal const int DefaultMaxAutoPrepare = 64;
}

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without starting the web host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context without a server (migrations need none).</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
