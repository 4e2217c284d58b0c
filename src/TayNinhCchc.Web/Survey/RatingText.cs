using TayNinhCchc.Web.Infrastructure;

namespace TayNinhCchc.Web.Survey;

/// <summary>The results' figures as Vietnamese text: "85,3%", "12,45/18"; a dash where there is nothing to show.</summary>
public static class RatingText
{
    public const string None = "—";

    public static string Share(double? share) => share is { } value ? VietnameseText.Percent(value) : None;

    public static string Count(int count) => VietnameseText.Number(count);

    /// <summary>"12,45/18", or a dash when no index was answered.</summary>
    public static string Tt01(Tt01Score? score) =>
        score is null ? None : $"{VietnameseText.Number(score.Points, 2)}/{Tt01Score.MaxPoints}";

    /// <summary>"7/9 chỉ số có trả lời": how much of the 18 points the figure covers.</summary>
    public static string Tt01Coverage(Tt01Score? score) =>
        score is null ? "chưa có chỉ số nào được trả lời" : $"{score.IndicesAnswered}/{Tt01Score.Indices} chỉ số có trả lời";

    /// <summary>"1,20/2", or a dash for unscored or unanswered criteria.</summary>
    public static string MeanPoints(CriterionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.MeanPoints is { } mean && result.Criterion.MaxPoints is { } max ? $"{VietnameseText.Number(mean, 2)}/{max}" : None;
    }
}
