using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.Tests.Data;

[Collection(SharedPortal.Name)]
public sealed class DatabaseTests(PortalFactory portal)
{
    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task Start_up_creates_and_migrates_the_sqlite_file_in_wal_mode()
    {
        using var client = portal.CreatePortalClient();
        (await client.GetAsync(new Uri("/", UriKind.Relative))).Dispose();

        Assert.True(File.Exists(portal.DatabasePath));
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.IsType<SqlitePortalDbContext>(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());

        await using var connection = new SqliteConnection($"Data Source={portal.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task Every_connection_runs_with_full_synchronous_commits()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous";

        Assert.Equal(2L, (long)(await command.ExecuteScalarAsync())!); // 2 = FULL
    }

    [PostgresFact]
    [Trait("Provider", "Postgres")]
    public async Task Start_up_migrates_the_postgres_database_and_commits_are_synchronous()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.IsType<PostgresPortalDbContext>(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.True(await db.Ratings.CountAsync() >= 0); // the survey tables exist

        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SHOW synchronous_commit";
        Assert.Equal("on", (string?)await command.ExecuteScalarAsync());
    }
}
