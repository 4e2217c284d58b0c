using TayNinhCchc.Web.Content;

namespace TayNinhCchc.Web.Survey;

/// <summary>
/// The sets of agencies ranked against each other, as QĐ 766/QĐ-TTg groups them for a province (sở, ban, ngành /
/// UBND cấp xã / cơ quan ngành dọc; UBND cấp huyện until 30/6/2025): agencies of different groups handle different
/// procedures, so a commune is never ranked against a department.
/// </summary>
public enum RankingGroup
{
    /// <summary>Sở, ban, ngành and the provincial service centre.</summary>
    Departments,

    /// <summary>UBND cấp huyện (ended on 30/6/2025).</summary>
    Districts,

    /// <summary>UBND cấp xã.</summary>
    Communes,

    /// <summary>Cơ quan ngành dọc: central agencies' branches in the province.</summary>
    LineAgencies,
}

public static class RankingGroups
{
    /// <summary>The last day of the district level (Luật Tổ chức chính quyền địa phương số 72/2025/QH15).</summary>
    public static readonly DateOnly LastDistrictDay = new(2025, 6, 30);

    public static IReadOnlyList<RankingGroup> All { get; } = [RankingGroup.Departments, RankingGroup.Communes, RankingGroup.LineAgencies, RankingGroup.Districts];

    /// <summary>The URL form (<c>nhom=</c>).</summary>
    public static string Code(this RankingGroup group) => group switch
    {
        RankingGroup.Departments => "so-nganh",
        RankingGroup.Districts => "cap-huyen",
        RankingGroup.LineAgencies => "nganh-doc",
        _ => "cap-xa",
    };

    public static string DisplayName(this RankingGroup group) => group switch
    {
        RankingGroup.Departments => "Sở, ban, ngành",
        RankingGroup.Districts => "UBND cấp huyện",
        RankingGroup.LineAgencies => "Cơ quan ngành dọc",
        _ => "UBND cấp xã",
    };

    /// <summary>Whether the group exists on <paramref name="date"/>: the district level ended on 30/6/2025.</summary>
    public static bool ExistsOn(this RankingGroup group, DateOnly date) => group != RankingGroup.Districts || date <= LastDistrictDay;

    /// <summary>The group an agency's ratings are ranked in; null for agencies that never receive dossiers.</summary>
    public static RankingGroup? Of(Agency agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        return !agency.ReceivesDossiers ? null : OfKind(agency.Kind);
    }

    public static RankingGroup? OfKind(AgencyKind kind) => kind switch
    {
        AgencyKind.Department or AgencyKind.ServiceCentre => RankingGroup.Departments,
        AgencyKind.District => RankingGroup.Districts,
        AgencyKind.Commune => RankingGroup.Communes,
        AgencyKind.LineAgency => RankingGroup.LineAgencies,
        _ => null,
    };

    public static bool Includes(this RankingGroup group, Agency agency) => Of(agency) == group;

    public static bool TryParse(string? code, out RankingGroup group)
    {
        foreach (var candidate in All)
        {
            if (candidate.Code() == code)
            {
                group = candidate;
                return true;
            }
        }

        group = RankingGroup.Departments;
        return false;
    }
}
