using TayNinhCchc.Web.Infrastructure;

namespace TayNinhCchc.Web.Content;

/// <summary>A problem in a content file, reported with the file and the 1-based line it is on.</summary>
public sealed record ContentProblem(string Path, int Line, string Message)
{
    public override string ToString() => $"{Path}:{Line}: {Message}";
}

/// <summary>An entry of the table of contents built from the document's headings.</summary>
public sealed record TocEntry(int Level, string Id, string Text);

/// <summary>Markdown rendered to sanitised HTML, with its table of contents.</summary>
public sealed record RenderedMarkdown(string Html, IReadOnlyList<TocEntry> Toc);

/// <summary>An OCR correction the editors made to the source text.</summary>
public sealed record EditorCorrection(string Original, string Corrected, int SourceLine, string Reason);

/// <summary>A passage whose reading is uncertain and was left as printed.</summary>
public sealed record UncertainReading(string Text, int SourceLine, string Note);

/// <summary>The plan document: the decision and its Kế hoạch, with the editors' notes.</summary>
public sealed record PlanDocument(
    string Slug,
    string Title,
    string Summary,
    string DecisionNumber,
    DateOnly Issued,
    DateOnly Effective,
    string Issuer,
    string Signer,
    string Source,
    string? AppendixFile,
    IReadOnlyList<EditorCorrection> Corrections,
    IReadOnlyList<UncertainReading> Uncertain,
    IReadOnlyList<string> Inconsistencies,
    RenderedMarkdown Body);

/// <summary>An inclusive range of dates.</summary>
public sealed record DateRange(DateOnly Start, DateOnly End)
{
    public bool Overlaps(DateRange other) => Start <= other.End && other.Start <= End;

    public bool Within(DateRange other) => other.Start <= Start && End <= other.End;

    public override string ToString() => $"{VietnameseText.Date(Start)}–{VietnameseText.Date(End)}";
}

/// <summary>The level of government a task is deployed to (the "x" columns of the appendix).</summary>
public enum DeployLevel
{
    Province,
    District,
    Commune,
}

/// <summary>One row of the plan's appendix.</summary>
public sealed record PlanTask(
    int Id,
    string Section,
    string Task,
    string Product,
    string Quantity,
    IReadOnlyList<string> Lead,
    string LeadText,
    IReadOnlyList<string> Cooperating,
    string CooperatingText,
    IReadOnlyList<DeployLevel> Levels,
    string Deadline,
    DateRange? DeadlineRange,
    long? Budget,
    string BudgetText,
    string Notes,
    int SourceLine,
    string EditorNote,
    int Line);

/// <summary>The appendix of the plan as structured data.</summary>
public sealed record PlanAppendix(
    string FileName,
    string Document,
    string Source,
    long StatedTotal,
    string StatedTotalText,
    IReadOnlyList<PlanTask> Tasks)
{
    public long SumOfItems => Tasks.Sum(task => task.Budget ?? 0);
}

/// <summary>A CCHC news article.</summary>
public sealed record NewsArticle(
    string Slug,
    string Title,
    DateOnly Date,
    string Summary,
    IReadOnlyList<string> Tags,
    string? Image,
    string? ImageAlt,
    string? AgencyCode,
    bool Draft,
    DateTime? PublishAtUtc,
    string Source,
    RenderedMarkdown Body)
{
    /// <summary>Drafts and articles scheduled for later are never public.</summary>
    public bool IsPublishedAt(DateTime utcNow) => !Draft && (PublishAtUtc is null || PublishAtUtc <= utcNow);
}
