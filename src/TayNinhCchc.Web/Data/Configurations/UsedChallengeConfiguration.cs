using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TayNinhCchc.Web.BotProtection;

namespace TayNinhCchc.Web.Data.Configurations;

internal sealed class UsedChallengeConfiguration : IEntityTypeConfiguration<UsedChallenge>
{
    public void Configure(EntityTypeBuilder<UsedChallenge> builder)
    {
        builder.ToTable("UsedChallenges");
        builder.HasKey(challenge => challenge.Id);
        builder.Property(challenge => challenge.Id).HasMaxLength(UsedChallenge.IdLength).IsUnicode(false);
        builder.Property(challenge => challenge.ExpiresAt).HasConversion(UtcDateTime.Converter);
        // Expired rows are deleted by a range on ExpiresAt.
        builder.HasIndex(challenge => challenge.ExpiresAt);
    }
}
