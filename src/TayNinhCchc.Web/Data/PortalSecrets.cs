using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace TayNinhCchc.Web.Data;

/// <summary>
/// Named 32-byte keys shared by every node and kept across restarts: HMAC keys for anti-bot challenges, keyed hashes of
/// dossier codes and client addresses, and the like.
/// </summary>
/// <remarks>
/// <para>
/// A key comes from configuration <c>Secrets:{name}</c> (base64, at least 32 bytes) when set. <b>Operators set keys
/// there</b> (environment variable <c>Secrets__{name}</c>, a secret store): then a database dump does not carry them,
/// and a key can be rotated by changing it. Generate one with <c>openssl rand -base64 32</c>.
/// </para>
/// <para>
/// Outside Development a configured key is required: start-up refuses to run without the portal's own keys
/// (<see cref="Infrastructure.ConfiguredKeys"/>), and any other name that is not configured throws.
/// </para>
/// <para>
/// In Development the key is otherwise generated on first use and stored in the <c>PortalSecrets</c> table, so the
/// portal works without any set-up. Several nodes may ask at the same moment: each tries to insert its own key, the primary key lets
/// only the first in, and every node reads that one back, so all nodes end up with one key. Keys are cached in memory for the life of the process.
/// </para>
/// </remarks>
public sealed class PortalSecrets(IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment, TimeProvider time)
{
    /// <summary>Configuration section holding operator-supplied keys.</summary>
    public const string Section = "Secrets";

    /// <summary>Size of generated keys in bytes.</summary>
    public const int KeySize = 32;

    private readonly ConcurrentDictionary<string, byte[]> cache = new(StringComparer.Ordinal);

    /// <summary>The key named <paramref name="name"/> (a copy: callers may not change the cached one).</summary>
    public async Task<byte[]> GetAsync(string name, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > PortalSecret.NameMaxLength)
        {
            throw new ArgumentException($"Secret names are at most {PortalSecret.NameMaxLength} characters.", nameof(name));
        }

        if (!cache.TryGetValue(name, out var key))
        {
            key = FromConfiguration(name) ?? await FromDatabaseAsync(name, ct).ConfigureAwait(false);
            key = cache.GetOrAdd(name, key);
        }

        return (byte[])key.Clone();
    }

    /// <summary>
    /// HMAC-SHA256 of <paramref name="value"/> (UTF-8) under the key <paramref name="name"/>: what to store instead of a
    /// dossier code or a client address, so equal values can be matched without keeping them.
    /// </summary>
    public async Task<byte[]> HashAsync(string name, string value, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        var key = await GetAsync(name, ct).ConfigureAwait(false);
        return HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes(value));
    }

    /// <summary>Why the configured <paramref name="setting"/> cannot be used as a key, or null when it can.</summary>
    public static string? Problem(string setting, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        byte[] key;
        try
        {
            key = Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            return $"{setting} is not valid base64";
        }

        return key.Length >= KeySize ? null : $"{setting} must hold at least {KeySize} bytes; it holds {key.Length}";
    }

    private byte[]? FromConfiguration(string name)
    {
        var setting = $"{Section}:{name}";
        var configured = configuration[setting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        return Problem(setting, configured) is { } problem
            ? throw new InvalidOperationException(problem + ".")
            : Convert.FromBase64String(configured.Trim());
    }

    private async Task<byte[]> FromDatabaseAsync(string name, CancellationToken ct)
    {
        // Start-up already refused to run without the portal's own keys (ConfiguredKeys); this covers any other name.
        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"{Section}:{name} is not set. Outside Development keys come from configuration, never from the database they protect.");
        }

        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            if (await ReadAsync(db, name, ct).ConfigureAwait(false) is { } stored)
            {
                return stored;
            }

            // Every racing node offers its own key; the primary key keeps the first, and everyone reads that one back.
            // ON CONFLICT DO NOTHING (same syntax in SQLite and PostgreSQL) makes losing the race a non-event.
            var offered = RandomNumberGenerator.GetBytes(KeySize);
            var now = time.GetUtcNow().UtcDateTime;
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "PortalSecrets" ("Name", "Value", "CreatedAt") VALUES ({name}, {offered}, {now}) ON CONFLICT DO NOTHING""", ct)
                .ConfigureAwait(false);
            return await ReadAsync(db, name, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Secret '{name}' could not be stored in the database.");
        }
    }

    private static Task<byte[]?> ReadAsync(PortalDbContext db, string name, CancellationToken ct) =>
        db.PortalSecrets.AsNoTracking().Where(secret => secret.Name == name).Select(secret => secret.Value).FirstOrDefaultAsync(ct);
}

/// <summary>A generated key (see <see cref="PortalSecrets"/>).</summary>
public sealed class PortalSecret
{
    public const int NameMaxLength = 60;

    public const int ValueMaxLength = 64;

    public required string Name { get; set; }

    public required byte[] Value { get; set; }

    /// <summary>When the key was generated (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
