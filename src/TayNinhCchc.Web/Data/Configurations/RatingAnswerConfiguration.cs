using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Data.Configurations;

internal sealed class RatingAnswerConfiguration : IEntityTypeConfiguration<RatingAnswer>
{
    public void Configure(EntityTypeBuilder<RatingAnswer> builder)
    {
        builder.ToTable("RatingAnswers");
        builder.HasKey(answer => new { answer.RatingId, answer.CriterionCode });
        builder.Property(answer => answer.CriterionCode).HasMaxLength(60);
        builder.Property(answer => answer.Reason).HasMaxLength(RatingAnswer.MaxReasonLength);
    }
}
