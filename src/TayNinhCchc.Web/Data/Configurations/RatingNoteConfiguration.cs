using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TayNinhCchc.Web.Accounts;
using TayNinhCchc.Web.Dashboard;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Data.Configurations;

internal sealed class RatingNoteConfiguration : IEntityTypeConfiguration<RatingNote>
{
    public void Configure(EntityTypeBuilder<RatingNote> builder)
    {
        builder.ToTable("RatingNotes");
        builder.HasKey(note => note.Id);
        builder.Property(note => note.Text).HasMaxLength(RatingNote.MaxTextLength);
        // Notes go with their rating (the retention purge deletes both); an author is locked, never deleted.
        builder.HasOne<Rating>().WithMany().HasForeignKey(note => note.RatingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(note => note.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(note => new { note.RatingId, note.CreatedAt });
    }
}
