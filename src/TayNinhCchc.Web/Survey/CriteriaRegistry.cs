using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.Survey;

/// <summary>
/// Which criteria set citizens answer, and what each stored version meant. The first answer to a version freezes its
/// definition in the database; if the content file is edited afterwards, the frozen copy stays in force (and the
/// edit is logged) so that old and new answers never mean different things under the same version.
/// </summary>
public sealed partial class CriteriaRegistry(ContentLibrary content, TimeProvider time, ILogger<CriteriaRegistry> logger)
{
    // Vietnamese stays readable in the stored definition, for whoever audits it in the database.
    private static readonly JsonSerializerOptions DefinitionJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly ConcurrentDictionary<string, CriteriaSet> frozen = new(StringComparer.Ordinal);

    // Hashing a whole set on every form view would cost more than rendering the form.
    private readonly ConditionalWeakTable<CriteriaSet, string> fingerprints = [];
    private readonly ConditionalWeakTable<CriteriaSet, object> warned = [];

    /// <summary>The set in force today (Vietnam date), as frozen when it already has answers.</summary>
    public async Task<CriteriaSet?> CurrentAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        var fromContent = content.Current.CriteriaSetOn(VietnamClock.Today(time));
        if (fromContent is null)
        {
            return null;
        }

        var stored = await FrozenAsync(db, fromContent.Version, cancellationToken);
        if (stored is null)
        {
            return fromContent;
        }

        if (Fingerprint(stored) != Fingerprint(fromContent) && warned.TryAdd(fromContent, this))
        {
            LogEditedAfterFreeze(fromContent.Version);
        }

        return stored;
    }

    /// <summary>A version's definition: the frozen copy when answered, else the content file's.</summary>
    public async Task<CriteriaSet?> ByVersionAsync(PortalDbContext db, string version, CancellationToken cancellationToken = default) =>
        await FrozenAsync(db, version, cancellationToken)
        ?? content.Current.CriteriaSets.FirstOrDefault(set => set.Version == version);

    /// <summary>Records the definition on the first answer; a no-op when it is already frozen (on any node).</summary>
    public async Task FreezeAsync(PortalDbContext db, CriteriaSet set, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(set);
        if (frozen.ContainsKey(set.Version))
        {
            return;
        }

        var definition = JsonSerializer.Serialize(set, DefinitionJson);
        var fingerprint = Fingerprint(set);
        var now = time.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "CriteriaVersions" ("Version", "Fingerprint", "Definition", "FrozenAt") VALUES ({set.Version}, {fingerprint}, {definition}, {now}) ON CONFLICT ("Version") DO NOTHING""",
            cancellationToken);
    }

    private string Fingerprint(CriteriaSet set) => fingerprints.GetValue(set, static set => set.Fingerprint());

    private async Task<CriteriaSet?> FrozenAsync(PortalDbContext db, string version, CancellationToken cancellationToken)
    {
        if (frozen.TryGetValue(version, out var cached))
        {
            return cached;
        }

        var definition = await db.CriteriaVersions.AsNoTracking()
            .Where(record => record.Version == version)
            .Select(record => record.Definition)
            .FirstOrDefaultAsync(cancellationToken);
        if (definition is null)
        {
            return null;
        }

        var set = JsonSerializer.Deserialize<CriteriaSet>(definition, DefinitionJson)
            ?? throw new InvalidOperationException($"Criteria version {version} has an empty definition.");
        return frozen.GetOrAdd(version, set);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Criteria set {Version} was edited after it was answered; the frozen definition stays in force. Publish the change as a new version.")]
    private partial void LogEditedAfterFreeze(string version);
}
