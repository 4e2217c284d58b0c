using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Accounts;
using TayNinhCchc.Web.BotProtection;
using TayNinhCchc.Web.Dashboard;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Data;

/// <summary>
/// The portal's database. One model, two providers: <see cref="SqlitePortalDbContext"/> (embedded default) and
/// <see cref="PostgresPortalDbContext"/> (several nodes), each with its own committed migrations.
/// </summary>
/// <remarks>
/// Add a migration for both providers (from the repository root):
/// <code>
/// dotnet ef migrations add NAME --project src/TayNinhCchc.Web --context SqlitePortalDbContext --output-dir Data/Migrations/Sqlite
/// dotnet ef migrations add NAME --project src/TayNinhCchc.Web --context PostgresPortalDbContext --output-dir Data/Migrations/Postgres
/// </code>
/// Migrations are applied at start-up (see <see cref="DatabaseSetup"/>).
/// </remarks>
public abstract class PortalDbContext(DbContextOptions options) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    /// <summary>Data Protection keys, shared so antiforgery tokens survive restarts and work on every node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Generated keys shared by every node (see <see cref="Data.PortalSecrets"/>).</summary>
    public DbSet<PortalSecret> PortalSecrets => Set<PortalSecret>();

    /// <summary>Spent anti-bot challenges, so each is accepted once across all nodes.</summary>
    public DbSet<UsedChallenge> UsedChallenges => Set<UsedChallenge>();

    public DbSet<Rating> Ratings => Set<Rating>();

    public DbSet<RatingAnswer> RatingAnswers => Set<RatingAnswer>();

    public DbSet<CriteriaVersionRecord> CriteriaVersions => Set<CriteriaVersionRecord>();

    public DbSet<AnswerTally> AnswerTallies => Set<AnswerTally>();

    public DbSet<RatingTally> RatingTallies => Set<RatingTally>();

    public DbSet<RatingNote> RatingNotes => Set<RatingNote>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Identity's own mapping first, so the configurations below can refine it (role seed, user columns).
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}

/// <summary>The SQLite flavour of <see cref="PortalDbContext"/>; its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options);

/// <summary>The PostgreSQL flavour of <see cref="PortalDbContext"/>; its migrations live in Data/Migrations/Postgres.</summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options);
