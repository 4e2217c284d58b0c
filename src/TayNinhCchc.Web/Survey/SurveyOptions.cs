namespace TayNinhCchc.Web.Survey;

/// <summary>Settings of the satisfaction survey (configuration section <c>Survey</c>).</summary>
public sealed class SurveyOptions
{
    public const string Section = "Survey";

    /// <summary>
    /// Fewest ratings in a period for an agency to be ranked; below it the agency is shown, unranked. Default: 30
    /// (a percentage from fewer answers moves too much with one rating).
    /// </summary>
    public int MinimumRatingsForRanking { get; set; } = 30;

    /// <summary>
    /// Months after which a rating's comment, reasons and client hash are erased (the anonymous answers stay in the
    /// statistics). Stated in the privacy notice. Default: 24.
    /// </summary>
    public int RetentionMonths { get; set; } = 24;

    /// <summary>Longest comment accepted, in characters, as stored (masked). Default and most: 1000 (the column).</summary>
    public int MaxCommentLength { get; set; } = 1000;

    /// <summary>Longest reason for a "not satisfied" answer, in characters, as stored (masked). Default: 500; most: 1000.</summary>
    public int MaxReasonLength { get; set; } = 500;
}
