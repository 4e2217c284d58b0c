using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TayNinhCchc.Web.Accounts;

namespace TayNinhCchc.Web.Data.Configurations;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(user => user.AgencyCode).HasMaxLength(80);
        builder.Property(user => user.DisplayName).HasMaxLength(200);
        builder.HasIndex(user => user.AgencyCode);
    }
}
