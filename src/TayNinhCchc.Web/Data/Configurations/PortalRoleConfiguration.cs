using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TayNinhCchc.Web.Accounts;

namespace TayNinhCchc.Web.Data.Configurations;

/// <summary>
/// The two roles are part of the schema, created by the migration: the code depends on them and there is no page to
/// edit them. Ids and stamps are fixed so the seed never changes between migrations.
/// </summary>
internal sealed class PortalRoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder) => builder.HasData(
        new IdentityRole
        {
            Id = "role-administrator",
            Name = PortalRoles.Administrator,
            NormalizedName = PortalRoles.Administrator.ToUpperInvariant(),
            ConcurrencyStamp = "5d0f6f0c-3b1e-4d38-9a44-0d7b9f1f2a01",
        },
        new IdentityRole
        {
            Id = "role-agency-staff",
            Name = PortalRoles.AgencyStaff,
            NormalizedName = PortalRoles.AgencyStaff.ToUpperInvariant(),
            ConcurrencyStamp = "8a3c2e47-61b9-4f0e-b7d5-2c6e1a9f4b02",
        });
}
