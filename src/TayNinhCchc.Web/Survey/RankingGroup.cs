using TayNinhCchc.Web.Content;

namespace TayNinhCchc.Web.Survey;

/// <summary>
/// The sets of agencies ranked against each other: agencies of different levels handle different procedures, so a
/// commune is never ranked against a department.
/// </summary>
public enum RankingGroup
{
    /// <summary>Sở, ban, ngành: provincial agencies and the central agencies based in the province.</summary>
    Departments,

    /// <summary>District level (ended on 01/7/2025).</summary>
    Districts,

    /// <summary>Commune level.</summary>
    Communes,
}

public static class RankingGroups
{
    public static IReadOnlyList<RankingGroup> All { get; } = [RankingGroup.Departments, RankingGroup.Districts, RankingGroup.Communes];

    /// <summary>The URL form (<c>nhom=</c>).</summary>
    public static string Code(this RankingGroup group) => group switch
    {
        RankingGroup.Departments => "so-nganh",
        RankingGroup.Districts => "cap-huyen",
        _ => "cap-xa",
    };

    public static string DisplayName(this RankingGroup group) => group switch
    {
        RankingGroup.Departments => "Sở, ban, ngành tỉnh và cơ quan Trung ương",
        RankingGroup.Districts => "Cấp huyện",
        _ => "Cấp xã",
    };

    public static bool Includes(this RankingGroup group, AgencyLevel level) => group switch
    {
        RankingGroup.Departments => level is AgencyLevel.Province or AgencyLevel.Central,
        RankingGroup.Districts => level is AgencyLevel.District,
        _ => level is AgencyLevel.Commune,
    };

    public static RankingGroup Of(AgencyLevel level) => All.First(group => group.Includes(level));

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
