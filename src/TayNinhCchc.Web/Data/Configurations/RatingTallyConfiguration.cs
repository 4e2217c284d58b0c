using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Data.Configurations;

internal sealed class RatingTallyConfiguration : IEntityTypeConfiguration<RatingTally>
{
    public void Configure(EntityTypeBuilder<RatingTally> builder)
    {
        builder.ToTable("RatingTallies");
        builder.HasKey(tally => new { tally.AgencyCode, tally.ProcedureCode, tally.Year, tally.Month });
        builder.Property(tally => tally.AgencyCode).HasMaxLength(80);
        builder.Property(tally => tally.ProcedureCode).HasMaxLength(20);
        // The procedure page reads one procedure's rows across agencies.
        builder.HasIndex(tally => new { tally.ProcedureCode, tally.Year, tally.Month });
    }
}
