namespace TayNinhCchc.Web.Data;

/// <summary>Which database engine the portal uses.</summary>
public sealed class DatabaseOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Database";

    /// <summary>
    /// <c>Sqlite</c> (default: one file, one machine) or <c>Postgres</c> (several nodes). The connection string is
    /// <c>ConnectionStrings:Portal</c>; for SQLite it defaults to <c>App_Data/portal.db</c> under the content root.
    /// </summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the portal starts. Default: <c>true</c>.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// SQLite <c>PRAGMA synchronous</c> on every connection. Default: <c>FULL</c> — with WAL, a commit is flushed to
    /// disk before SaveChanges returns, so nothing acknowledged is lost even on power failure.
    /// </summary>
    public string SqliteSynchronous { get; set; } = "FULL";

    /// <summary>SQLite busy timeout in milliseconds (writers wait instead of failing). Default: 5000.</summary>
    public int SqliteBusyTimeoutMilliseconds { get; set; } = 5000;
}

/// <summary>Supported database engines.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
