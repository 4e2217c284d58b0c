using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TayNinhCchc.Web.Data.Configurations;

internal sealed class PortalSecretConfiguration : IEntityTypeConfiguration<PortalSecret>
{
    public void Configure(EntityTypeBuilder<PortalSecret> builder)
    {
        builder.ToTable("PortalSecrets");
        builder.HasKey(secret => secret.Name);
        builder.Property(secret => secret.Name).HasMaxLength(PortalSecret.NameMaxLength);
        builder.Property(secret => secret.Value).HasMaxLength(PortalSecret.ValueMaxLength);
        builder.Property(secret => secret.CreatedAt).HasConversion(UtcDateTime.Converter);
    }
}
