using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace TayNinhCchc.Web.Data;

/// <summary>
/// Named 32-byte keys that every node shares and that survive restarts:
/// the keys of the hashes stored instead of dossier codes and client addresses. A key comes from configuration
/// (<c>Secrets:{name}</c>, base64) when set — operators should set them there, outside the database, so a copy of
/// the database alone cannot reverse a hash — and otherwise is generated once and kept in the database.
/// </summary>
public sealed class PortalSecrets(IConfiguration configuration, IServiceScopeFactory scopes, TimeProvider time)
{
    private const int KeyLength = 32;
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> keys = new(StringComparer.Ordinal);

    public async Task<byte[]> GetAsync(string name)
    {
        var lazy = keys.GetOrAdd(name, key => new Lazy<Task<byte[]>>(() => LoadAsync(key)));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            // A failed load (database briefly unreachable) must not be remembered: the next call tries again.
            keys.TryRemove(new KeyValuePair<string, Lazy<Task<byte[]>>>(name, lazy));
            throw;
        }
    }

    /// <summary>HMAC-SHA256 of <paramref name="value"/> under the key <paramref name="name"/>.</summary>
    public async Task<byte[]> HashAsync(string name, string value)
    {
        var key = await GetAsync(name);
        return HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes(value));
    }

    private async Task<byte[]> LoadAsync(string name)
    {
        if (configuration[$"Secrets:{name}"] is { Length: > 0 } configured)
        {
            var bytes = Convert.FromBase64String(configured);
            return bytes.Length >= KeyLength
                ? bytes
                : throw new InvalidOperationException($"Secrets:{name} must be at least {KeyLength} bytes (base64).");
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (await ReadAsync(db, name) is { } stored)
        {
            return stored;
        }

        db.PortalSecrets.Add(new PortalSecret { Name = name, Value = RandomNumberGenerator.GetBytes(KeyLength), CreatedAt = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another node created it first: everyone must use the winner's key.
        }

        return await ReadAsync(db, name) ?? throw new InvalidOperationException($"Secret '{name}' could not be stored.");
    }

    private static Task<byte[]?> ReadAsync(PortalDbContext db, string name) =>
        db.PortalSecrets.AsNoTracking().Where(secret => secret.Name == name).Select(secret => secret.Value).FirstOrDefaultAsync()!;
}

/// <summary>A generated key kept by <see cref="PortalSecrets"/>.</summary>
public sealed class PortalSecret
{
    public required string Name { get; set; }

    public required byte[] Value { get; set; }

    public DateTime CreatedAt { get; set; }
}
