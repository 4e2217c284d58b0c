using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TayNinhCchc.Web.Dashboard;

namespace TayNinhCchc.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(entry => entry.Id);
        builder.Property(entry => entry.User).HasMaxLength(256);
        builder.Property(entry => entry.Action).HasConversion<string>().HasMaxLength(40);
        builder.Property(entry => entry.Target).HasMaxLength(200);
        builder.Property(entry => entry.Detail).HasMaxLength(1000);
        builder.HasIndex(entry => entry.At);
    }
}
