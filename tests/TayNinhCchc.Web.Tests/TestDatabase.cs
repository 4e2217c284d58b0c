using Microsoft.Data.Sqlite;
using Npgsql;

namespace TayNinhCchc.Web.Tests;

/// <summary>
/// Where the tests' databases live. SQLite by default; PostgreSQL when <c>TAYNINHCCHC_TEST_POSTGRES</c> names a server
/// (a role allowed to create databases), so the same suite proves both providers. Tests that only make sense on one
/// provider carry <c>[Trait("Provider", "Sqlite")]</c> or <c>[Trait("Provider", "Postgres")]</c>, and tests/run.sh
/// filters them per run, so nothing is skipped.
/// </summary>
internal static class TestDatabase
{
    public const string ServerVariable = "TAYNINHCCHC_TEST_POSTGRES";

    private static readonly string? Server = Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value ? value : null;

    public static string Provider => Server is null ? "Sqlite" : "Postgres";

    /// <summary>Creates an empty database and returns its connection string (the SQLite file is created on first use).</summary>
    public static string Create(string sqliteFile)
    {
        if (Server is null)
        {
            return $"Data Source={sqliteFile}";
        }

        var name = "tayninhcchc_test_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(Server))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
    }

    public static void Drop(string connectionString)
    {
        if (Server is null)
        {
            SqliteConnection.ClearAllPools();
            return;
        }

        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                command.ExecuteNonQuery();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                // An autovacuum worker analysing the freshly migrated database cannot be terminated by this role
                // (42501); it finishes within moments.
                Thread.Sleep(100);
            }
        }
    }
}

/// <summary>A test of PostgreSQL-only behaviour: skipped, with the reason, when no server is configured (plain <c>dotnet test</c>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.Provider != "Postgres")
        {
            Skip = $"Needs a PostgreSQL server in {TestDatabase.ServerVariable}; tests/run.sh starts one.";
        }
    }
}
