namespace TayNinhCchc.Web.Content;

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

/// <summary>What an agency is; it decides the results group (QĐ 766/QĐ-TTg) of an agency that receives dossiers.</summary>
public enum AgencyKind
{
    /// <summary>UBND tỉnh itself: dossiers for it are handed to the service centre.</summary>
    ProvincialGovernment,

    /// <summary>Sở, ban, ngành and the other specialised bodies of UBND tỉnh.</summary>
    Department,

    /// <summary>The provincial public administration service centre.</summary>
    ServiceCentre,

    /// <summary>UBND cấp huyện (until 30/6/2025).</summary>
    District,

    /// <summary>UBND xã, phường (with its commune service centre).</summary>
    Commune,

    /// <summary>Central agencies' branches in the province: thuế, công an, BHXH, hải quan…</summary>
    LineAgency,

    /// <summary>Elected, party and steering bodies, the press, units the plan names only in passing.</summary>
    Other,
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

    public static readonly IReadOnlyDictionary<string, AgencyKind> KindsByCode = new Dictionary<string, AgencyKind>
    {
        ["ubnd-tinh"] = AgencyKind.ProvincialGovernment,
        ["so-ban-nganh"] = AgencyKind.Department,
        ["trung-tam"] = AgencyKind.ServiceCentre,
        ["ubnd-huyen"] = AgencyKind.District,
        ["ubnd-xa"] = AgencyKind.Commune,
        ["nganh-doc"] = AgencyKind.LineAgency,
        ["khac"] = AgencyKind.Other,
    };

    public static string Code(this AgencyLevel level) => ByCode.First(pair => pair.Value == level).Key;

    public static string Code(this AgencyKind kind) => KindsByCode.First(pair => pair.Value == kind).Key;

    public static string DisplayName(this AgencyLevel level) => level switch
    {
        AgencyLevel.Province => "Cấp tỉnh",
        AgencyLevel.Central => "Cơ quan Trung ương đóng trên địa bàn tỉnh",
        AgencyLevel.District => "Cấp huyện",
        AgencyLevel.Commune => "Cấp xã",
        _ => level.ToString(),
    };

    public static string DisplayName(this AgencyKind kind) => kind switch
    {
        AgencyKind.ProvincialGovernment => "Ủy ban nhân dân tỉnh",
        AgencyKind.Department => "Sở, ban, ngành",
        AgencyKind.ServiceCentre => "Trung tâm Phục vụ hành chính công",
        AgencyKind.District => "Ủy ban nhân dân cấp huyện",
        AgencyKind.Commune => "Ủy ban nhân dân cấp xã",
        AgencyKind.LineAgency => "Cơ quan ngành dọc",
        _ => "Cơ quan, tổ chức khác",
    };
}

/// <summary>A link to an agency that came before or after, with the date (null: not known) and its source.</summary>
public sealed record AgencyLink(string Code, DateOnly? Date, string Source);

/// <summary>How much of a former unit went into a new commune (Nghị quyết 1682/NQ-UBTVQH15 wording).</summary>
public enum UnitShare
{
    /// <summary>The whole area and population.</summary>
    Whole,

    /// <summary>"một phần diện tích tự nhiên, quy mô dân số".</summary>
    Part,

    /// <summary>"phần còn lại … sau khi sắp xếp".</summary>
    Remainder,
}

/// <summary>A former xã/phường/thị trấn a commune was formed from; District only where the resolution names it.</summary>
public sealed record FormerUnit(string Name, string? District, UnitShare Share);

/// <summary>
/// One record of the agency register: an agency over a date range (either end may be unknown). One code may have
/// several records one after the other (the same agency before and after 01/7/2025), never two on the same day.
/// </summary>
public sealed record Agency(
    string Code,
    string Name,
    string ShortName,
    AgencyLevel Level,
    AgencyKind Kind,
    bool ReceivesDossiers,
    string? ParentCode,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    IReadOnlyList<AgencyLink> Predecessors,
    IReadOnlyList<AgencyLink> Successors,
    IReadOnlyList<string> Aliases,
    string Source,
    string? Note,
    int Line)
{
    /// <summary>The record ended and no successor is known: shown as such, never left blank.</summary>
    public bool SuccessorUnknown { get; init; }

    /// <summary>Which of the dates are real and which are only bounds.</summary>
    public string? DatesNote { get; init; }

    /// <summary>The resolution's wording of what a commune was formed from.</summary>
    public string? FormedFrom { get; init; }

    public IReadOnlyList<FormerUnit> FormerUnits { get; init; } = [];

    /// <summary>Whether the agency existed on <paramref name="date"/>; an unknown start counts as "before".</summary>
    public bool IsValidOn(DateOnly date) =>
        (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date <= ValidTo);

    /// <summary>Whether the record was in force on any day of <paramref name="first"/>–<paramref name="last"/>.</summary>
    public bool Overlaps(DateOnly first, DateOnly last) =>
        (ValidFrom is null || ValidFrom <= last) && (ValidTo is null || first <= ValidTo);

    /// <summary>Offered for rating on <paramref name="date"/>.</summary>
    public bool IsRateableOn(DateOnly date) => ReceivesDossiers && IsValidOn(date);
}

/// <summary>A collective designation the plan uses in place of one agency ("Các sở, ban, ngành tỉnh").</summary>
public sealed record AgencyGroup(string Code, string Name, string Source, int Line);
