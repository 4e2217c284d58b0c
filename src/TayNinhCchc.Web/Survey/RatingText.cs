using TayNinhCchc.Web.Infrastructure;

namespace TayNinhCchc.Web.Survey;

/// <summary>The results' figures as Vietnamese text: "85,3%", "12,45/18"; a dash where there is nothing to show.</summary>
public static class RatingText
{
    public const string None = "—";

    public static string Share(double? share) => share is { } value ? VietnameseText.Percent(value) : None;

    public static string Count(int count) => VietnameseText.Number(count);

    /// <summary>In place of a figure below the minimum n: "không công bố (dưới 30 phiếu)".</summary>
    public static string Withheld(int minimum) => $"không công bố (dưới {VietnameseText.Number(minimum)} phiếu)";

    /// <summary>Why figures are withheld, for the pages' notes.</summary>
    public static string WithheldReason(int minimum) =>
        $"Khi có dưới {VietnameseText.Number(minimum)} phiếu, Cổng chỉ công bố số phiếu (n); số phiếu theo từng mức trả lời và các tỷ lệ, điểm tính từ đó không công bố, "
        + "vì với ít phiếu có thể suy ra câu trả lời của từng người đánh giá.";

    /// <summary>"12,45/18", or a dash when no index was answered.</summary>
    public static string Tt01(Tt01Score? score) =>
        score is null ? None : $"{VietnameseText.Number(score.Points, 2)}/{Tt01Score.MaxPoints}";

    /// <summary>"7/9 chỉ số được tính": how much of the 18 points the figure covers (indices with enough answers).</summary>
    public static string Tt01Coverage(Tt01Score? score) =>
        score is null ? "chưa có chỉ số nào đủ phiếu trả lời để tính" : $"{score.IndicesAnswered}/{Tt01Score.Indices} chỉ số được tính";

    /// <summary>"1,20/2", or a dash for unscored or unanswered criteria.</summary>
    public static string MeanPoints(CriterionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.MeanPoints is { } mean && result.Criterion.MaxPoints is { } max ? $"{VietnameseText.Number(mean, 2)}/{max}" : None;
    }
}
