using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Data.Configurations;

internal sealed class CriteriaVersionRecordConfiguration : IEntityTypeConfiguration<CriteriaVersionRecord>
{
    public void Configure(EntityTypeBuilder<CriteriaVersionRecord> builder)
    {
        builder.ToTable("CriteriaVersions");
        builder.HasKey(record => record.Version);
        builder.Property(record => record.Version).HasMaxLength(60);
        builder.Property(record => record.Fingerprint).HasMaxLength(64);
    }
}
