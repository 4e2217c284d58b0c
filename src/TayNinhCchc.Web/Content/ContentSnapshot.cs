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
        IReadOnlyList<Agency> agencies,
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
        Agencies = agencies;
        AgenciesByCode = agencies.ToDictionary(agency => agency.Code, StringComparer.Ordinal);
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

    /// <summary>Agencies in the order of the directory file.</summary>
    public IReadOnlyList<Agency> Agencies { get; }

    public IReadOnlyDictionary<string, Agency> AgenciesByCode { get; }

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
