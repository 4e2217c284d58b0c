using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.Tests.Data;

/// <summary>The connection string the PostgreSQL context gets (no server needed: nothing is opened).</summary>
public sealed class PostgresConnectionTests
{
    [Fact]
    public async Task Automatic_preparation_is_turned_on_unless_the_connection_string_sets_it()
    {
        Assert.Equal(DatabaseSetup.DefaultMaxAutoPrepare, await MaxAutoPrepareAsync("Host=db.example;Database=portal;Username=portal"));
        Assert.Equal(0, await MaxAutoPrepareAsync("Host=db.example;Database=portal;Username=portal;Max Auto Prepare=0"));
        Assert.Equal(10, await MaxAutoPrepareAsync("Host=db.example;Database=portal;Username=portal;max auto prepare=10"));
    }

    private static async Task<int> MaxAutoPrepareAsync(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = connectionString,
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddPortalDatabase(configuration);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.IsType<PostgresPortalDbContext>(db);
        var used = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        Assert.Equal("db.example", used.Host);
        return used.MaxAutoPrepare;
    }
}
