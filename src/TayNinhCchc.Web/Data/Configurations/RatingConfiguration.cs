using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Data.Configurations;

internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> builder)
    {
        builder.ToTable("Ratings");
        builder.HasKey(rating => rating.Id);
        builder.Property(rating => rating.ReceiptNumber).HasMaxLength(20);
        builder.HasIndex(rating => rating.ReceiptNumber).IsUnique();
        builder.Property(rating => rating.AgencyCode).HasMaxLength(80);
        builder.Property(rating => rating.ProcedureCode).HasMaxLength(20);
        builder.Property(rating => rating.DossierHash).HasMaxLength(32);
        // One rating holds a dossier's slot: NULLs (no dossier code given) do not collide in SQLite or PostgreSQL, and
        // ratings waiting for review, rejected or superseded are outside the filter (Rating.DossierSlotFilter).
        builder.HasIndex(rating => rating.DossierHash, "IX_Ratings_DossierSlot").IsUnique().HasFilter(Rating.DossierSlotFilter);
        // Finds the flagged ratings a genuine one supersedes; only rows waiting for review are in it, so ordinary inserts
        // do not maintain it.
        builder.HasIndex(rating => rating.DossierHash, "IX_Ratings_PendingDossier").HasFilter("\"ReviewState\" = 1");
        builder.Property(rating => rating.CriteriaVersion).HasMaxLength(60);
        builder.Property(rating => rating.Comment).HasMaxLength(Rating.MaxCommentLength);
        builder.Property(rating => rating.ClientHash).HasMaxLength(32);
        builder.Property(rating => rating.FlagReasons).HasMaxLength(200);
        builder.HasIndex(rating => new { rating.AgencyCode, rating.SubmittedAt });
        builder.HasIndex(rating => new { rating.IsFlagged, rating.ReviewState });
        builder.HasMany(rating => rating.Answers).WithOne().HasForeignKey(answer => answer.RatingId).OnDelete(DeleteBehavior.Cascade);
    }
}
