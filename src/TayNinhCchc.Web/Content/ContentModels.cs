using TayNinhCchc.Web.Infrastructure;

namespace TayNinhCchc.Web.Content;

/// <summary>A problem in a content file, reported with the file and the 1-based line it is on.</summary>
public sealed record ContentProblem(string Path, int Line, string Message)
{
    public override string ToString() => $"{Path}:{Line}: {Message}";
}

/// <summary>Administrative level of an agency.</summary>
public enum AgencyLevel
{
    /// <summary>Provincial: UBND tỉnh, sở, ban, ngành and provincial units.</summary>
    Province,

    /// <summary>Central (vertical) agencies based in the province.</summary>
    Central,

    /// <summary>District level (huyện, thị xã, thành phố thuộc tỉnh), ended on 01/7/2025.</summary>
    District,

    /// <summary>Commune level (xã, phường, thị trấn).</summary>
    Commune,
}

public static class AgencyLevels
{
    public static readonly IReadOnlyDictionary<string, AgencyLevel> ByCode = new Dictionary<string, AgencyLevel>
    {
        ["tinh"] = AgencyLevel.Province,
        ["trung-uong"] = AgencyLevel.Central,
        ["huyen"] = AgencyLevel.District,
        ["xa"] = AgencyLevel.Commune,
    };

    public static string Code(this AgencyLevel level) => ByCode.First(pair => pair.Value == level).Key;

    public static string DisplayName(this AgencyLevel level) => level switch
    {
        AgencyLevel.Province => "Cấp tỉnh",
        AgencyLevel.Central => "Cơ quan Trung ương đóng trên địa bàn tỉnh",
        AgencyLevel.District => "Cấp huyện",
        AgencyLevel.Commune => "Cấp xã",
        _ => level.ToString(),
    };
}

/// <summary>An agency of the province, valid over a date range (either end may be unknown).</summary>
public sealed record Agency(
    string Code,
    string Name,
    string ShortName,
    AgencyLevel Level,
    string? ParentCode,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    IReadOnlyList<string> Predecessors,
    IReadOnlyList<string> Aliases,
    string Source,
    string? Note,
    int Line)
{
    /// <summary>Whether the agency existed on <paramref name="date"/>; an unknown start counts as "before".</summary>
    public bool IsValidOn(DateOnly date) =>
        (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date <= ValidTo);
}

/// <summary>A collective designation the plan uses in place of one agency ("Các sở, ban, ngành tỉnh").</summary>
public sealed record AgencyGroup(string Code, string Name, string Source, int Line);

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
