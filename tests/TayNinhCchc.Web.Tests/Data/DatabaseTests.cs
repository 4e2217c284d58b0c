using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.Tests.Data;

[Collection(SharedPortal.Name)]
public sealed class DatabaseTests(PortalFactory portal)
{
    [Fact]
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
    public async Task Every_connection_runs_with_full_synchronous_commits()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous";

        Assert.Equal(2L, (long)(await command.ExecuteScalarAsync())!); // 2 = FULL
    }
}
