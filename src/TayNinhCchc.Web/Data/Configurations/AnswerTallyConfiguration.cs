using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Data.Configurations;

internal sealed class AnswerTallyConfiguration : IEntityTypeConfiguration<AnswerTally>
{
    public void Configure(EntityTypeBuilder<AnswerTally> builder)
    {
        builder.ToTable("AnswerTallies");
        builder.HasKey(tally => new { tally.AgencyCode, tally.Year, tally.Month, tally.CriteriaVersion, tally.CriterionCode, tally.Value });
        builder.Property(tally => tally.AgencyCode).HasMaxLength(80);
        builder.Property(tally => tally.CriteriaVersion).HasMaxLength(60);
        builder.Property(tally => tally.CriterionCode).HasMaxLength(60);
    }
}
