using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.Tests.BotProtection;

/// <summary>
/// Shared keys: configuration first; in Development only, else generated once in the real database and the same for
/// every node; outside Development an unconfigured key is refused.
/// </summary>
public sealed class PortalSecretsTests : IDisposable
{
    private readonly PortalFactory production = new();
    private readonly WebApplicationFactory<Program> portal;

    public PortalSecretsTests() => portal = production.WithWebHostBuilder(builder => builder.UseEnvironment(Environments.Development));

    public void Dispose()
    {
        portal.Dispose();
        production.Dispose();
    }

    [Fact]
    public async Task Outside_development_an_unconfigured_key_is_refused_and_nothing_is_stored()
    {
        var secrets = production.Services.GetRequiredService<PortalSecrets>();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => secrets.GetAsync("Unconfigured"));

        Assert.Contains("Secrets:Unconfigured", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountRowsAsync(production.Services, "Unconfigured"));
    }

    [Fact]
    public async Task A_configured_key_wins_and_nothing_is_stored()
    {
        var configured = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        using var node = portal.WithWebHostBuilder(builder => builder.UseSetting("Secrets:Configured", Convert.ToBase64String(configured)));

        var key = await node.Services.GetRequiredService<PortalSecrets>().GetAsync("Configured");

        Assert.Equal(configured, key);
        Assert.Equal(0, await CountRowsAsync(node.Services, "Configured"));
    }

    [Fact]
    public async Task A_generated_key_is_stored_once_and_read_back_by_another_node()
    {
        using var otherNode = portal.WithWebHostBuilder(_ => { });

        var first = await portal.Services.GetRequiredService<PortalSecrets>().GetAsync("Stable");
        var again = await portal.Services.GetRequiredService<PortalSecrets>().GetAsync("Stable");
        var fromOtherNode = await otherNode.Services.GetRequiredService<PortalSecrets>().GetAsync("Stable");

        Assert.Equal(32, first.Length);
        Assert.Equal(first, again);
        Assert.Equal(first, fromOtherNode);
        Assert.Equal(1, await CountRowsAsync(portal.Services, "Stable"));
        Assert.NotEqual(first, await portal.Services.GetRequiredService<PortalSecrets>().GetAsync("Other"));
    }

    [Fact]
    public async Task Nodes_asking_at_the_same_moment_end_up_with_one_key()
    {
        // Each PortalSecrets has its own cache, so each one below is a node of its own racing to the same database.
        var services = portal.Services;
        var nodes = Enumerable.Range(0, 16).Select(_ => new PortalSecrets(
            services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>(), TimeProvider.System)).ToList();
        using var start = new Barrier(nodes.Count);

        var keys = await Task.WhenAll(nodes.Select(node => Task.Run(() =>
        {
            start.SignalAndWait();
            return node.GetAsync("Raced");
        })));

        Assert.All(keys, key => Assert.Equal(keys[0], key));
        Assert.Equal(1, await CountRowsAsync(services, "Raced"));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public async Task A_bad_configured_key_is_refused_rather_than_used(string value)
    {
        using var node = portal.WithWebHostBuilder(builder => builder.UseSetting("Secrets:Broken", value));

        await Assert.ThrowsAsync<InvalidOperationException>(() => node.Services.GetRequiredService<PortalSecrets>().GetAsync("Broken"));
    }

    [Fact]
    public async Task Callers_cannot_change_the_cached_key()
    {
        var secrets = portal.Services.GetRequiredService<PortalSecrets>();
        var key = await secrets.GetAsync("Copied");
        var original = key.ToArray();

        key[0] ^= 0xff;

        Assert.Equal(original, await secrets.GetAsync("Copied"));
    }

    [Fact]
    public async Task Keyed_hashes_match_for_equal_values_and_depend_on_the_key()
    {
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        using var node = portal.WithWebHostBuilder(builder => builder.UseSetting("Secrets:Dossier", Convert.ToBase64String(key)));
        var secrets = node.Services.GetRequiredService<PortalSecrets>();

        var hash = await secrets.HashAsync("Dossier", "000.00.12.H55-261128-0001");

        Assert.Equal(System.Security.Cryptography.HMACSHA256.HashData(key, "000.00.12.H55-261128-0001"u8), hash);
        Assert.Equal(hash, await secrets.HashAsync("Dossier", "000.00.12.H55-261128-0001"));
        Assert.NotEqual(hash, await secrets.HashAsync("Client", "000.00.12.H55-261128-0001"));
    }

    private static async Task<int> CountRowsAsync(IServiceProvider services, string name)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().PortalSecrets.CountAsync(secret => secret.Name == name);
    }
}
