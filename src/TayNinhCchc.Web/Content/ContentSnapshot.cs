using TayNinhCchc.Web.Procedures;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Content;

/// <summary>
/// One immutable, fully loaded version of the site's content. Readers hold a reference to one snapshot and never see
/// a half-loaded catalogue; a reload builds a new snapshot and swaps the reference.
/// </summary>
public sealed class ContentSnapshot
{
    internal ContentSnapshot(
        IReadOnlyList<Agency> agencyRecords,
        IReadOnlyList<AgencyGroup> groups,
        PlanDocument? plan,
        PlanAppendix? appendix,
        IReadOnlyList<NewsArticle> news,
        ProcedureCatalog procedures,
        IReadOnlyList<CriteriaSet> criteriaSets,
        IReadOnlyList<ContentProblem> problems,
        IReadOnlyDictionary<string, object> lastGoodByFile,
        DateTime loadedAtUtc)
    {
        AgencyRecords = agencyRecords;
        RecordsByCode = agencyRecords.GroupBy(agency => agency.Code, StringComparer.Ordinal)
            .ToDictionary(
                group => group.Key,
                group => (IReadOnlyList<Agency>)group.OrderBy(agency => agency.ValidFrom ?? DateOnly.MinValue).ToList(),
                StringComparer.Ordinal);
        Agencies = agencyRecords.Select(agency => agency.Code).Distinct(StringComparer.Ordinal).Select(code => RecordsByCode[code][^1]).ToList();
        AgenciesByCode = Agencies.ToDictionary(agency => agency.Code, StringComparer.Ordinal);
        Groups = groups;
        GroupsByCode = groups.ToDictionary(group => group.Code, StringComparer.Ordinal);
        Plan = plan;
        Appendix = appendix;
        News = news;
        NewsBySlug = news.ToDictionary(article => article.Slug, StringComparer.Ordinal);
        Procedures = procedures;
        CriteriaSets = criteriaSets;
        Problems = problems;
        LastGoodByFile = lastGoodByFile;
        LoadedAtUtc = loadedAtUtc;
    }

    /// <summary>One entry per agency code, its latest record, in the order of the register file.</summary>
    public IReadOnlyList<Agency> Agencies { get; }

    /// <summary>The latest record of each code.</summary>
    public IReadOnlyDictionary<string, Agency> AgenciesByCode { get; }

    /// <summary>Every record of the register, in file order; one code may have several records one after another.</summary>
    public IReadOnlyList<Agency> AgencyRecords { get; }

    /// <summary>The records of each code, oldest first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Agency>> RecordsByCode { get; }

    /// <summary>The record of <paramref name="code"/> in force on <paramref name="date"/>, if any.</summary>
    public Agency? AgencyOn(string code, DateOnly date) =>
        RecordsByCode.TryGetValue(code, out var history) ? history.FirstOrDefault(record => record.IsValidOn(date)) : null;

    /// <summary>Records offered for rating on <paramref name="date"/>: in force and receiving dossiers.</summary>
    public IEnumerable<Agency> RateableOn(DateOnly date) => AgencyRecords.Where(record => record.IsRateableOn(date));

    public IReadOnlyList<AgencyGroup> Groups { get; }

    public IReadOnlyDictionary<string, AgencyGroup> GroupsByCode { get; }

    public PlanDocument? Plan { get; }

    public PlanAppendix? Appendix { get; }

    /// <summary>Every article, drafts and scheduled ones included, newest first; pages filter by publication.</summary>
    public IReadOnlyList<NewsArticle> News { get; }

    public IReadOnlyDictionary<string, NewsArticle> NewsBySlug { get; }

    /// <summary>The procedure catalogue (thủ tục hành chính) with its search index.</summary>
    public ProcedureCatalog Procedures { get; }

    /// <summary>Every version of the survey's criteria set, oldest first; at most one applies on any date.</summary>
    public IReadOnlyList<CriteriaSet> CriteriaSets { get; }

    /// <summary>The criteria set citizens answer on <paramref name="date"/>, if any.</summary>
    public CriteriaSet? CriteriaSetOn(DateOnly date) => CriteriaSets.FirstOrDefault(set => set.IsValidOn(date));

    public IReadOnlyList<ContentProblem> Problems { get; }

    public DateTime LoadedAtUtc { get; }

    /// <summary>The last version of each file that loaded without problems, kept to stand in for a broken edit.</summary>
    internal IReadOnlyDictionary<string, object> LastGoodByFile { get; }

    /// <summary>The display name of an agency or agency group code, or the code itself when unknown.</summary>
    public string NameOf(string code) =>
        AgenciesByCode.TryGetValue(code, out var agency) ? agency.ShortName
        : GroupsByCode.TryGetValue(code, out var group) ? group.Name
        : code;

    /// <summary>Public articles at <paramref name="utcNow"/>, newest first.</summary>
    public IEnumerable<NewsArticle> PublishedNews(DateTime utcNow) => News.Where(article => article.IsPublishedAt(utcNow));

    internal static ContentSnapshot Empty { get; } =
        new([], [], null, null, [], ProcedureCatalog.Empty, [], [], new Dictionary<string, object>(), DateTime.MinValue);
}
