using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TayNinhCchc.Web.Content;

namespace TayNinhCchc.Web.Pages.CoQuan;

public sealed class ChiTietModel(ContentLibrary library, TimeProvider time) : PageModel
{
    public Agency Agency { get; private set; } = default!;

    public ContentSnapshot Snapshot { get; private set; } = default!;

    public DateOnly Today { get; private set; }

    public IReadOnlyList<PlanTask> LeadTasks { get; private set; } = [];

    public IReadOnlyList<PlanTask> CooperatingTasks { get; private set; } = [];

    public IReadOnlyList<Agency> Children { get; private set; } = [];

    /// <summary>Every record of this code, oldest first.</summary>
    public IReadOnlyList<Agency> History { get; private set; } = [];

    /// <summary>Predecessors with the link that names them, from any record of this code or the predecessor's own successors.</summary>
    public IReadOnlyList<(Agency Agency, AgencyLink Link)> Predecessors { get; private set; } = [];

    public IReadOnlyList<(Agency Agency, AgencyLink Link)> Successors { get; private set; } = [];

    public IReadOnlyList<NewsArticle> News { get; private set; } = [];

    public IReadOnlyList<TayNinhCchc.Web.Procedures.Procedure> Procedures { get; private set; } = [];

    public IActionResult OnGet(string code)
    {
        Snapshot = library.Current;
        if (!Snapshot.AgenciesByCode.TryGetValue(code, out var agency))
        {
            return NotFound();
        }

        Agency = agency;
        Today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddHours(7));
        var tasks = Snapshot.Appendix?.Tasks ?? [];
        LeadTasks = tasks.Where(task => task.Lead.Contains(code)).ToList();
        CooperatingTasks = tasks.Where(task => task.Cooperating.Contains(code) && !task.Lead.Contains(code)).ToList();
        Children = Snapshot.Agencies.Where(other => other.ParentCode == code).ToList();
        History = Snapshot.RecordsByCode[code];
        Predecessors = Links(History.SelectMany(record => record.Predecessors)
            .Concat(Snapshot.AgencyRecords.SelectMany(other => other.Successors.Where(link => link.Code == code).Select(link => link with { Code = other.Code }))));
        Successors = Links(History.SelectMany(record => record.Successors)
            .Concat(Snapshot.AgencyRecords.SelectMany(other => other.Predecessors.Where(link => link.Code == code).Select(link => link with { Code = other.Code }))));
        Procedures = Snapshot.Procedures.All.Where(procedure => procedure.Agencies.Contains(code)).ToList();
        News = Snapshot.PublishedNews(time.GetUtcNow().UtcDateTime).Where(article => article.AgencyCode == code).ToList();
        return Page();
    }

    // A link may be written on both sides (A's successors and B's predecessors); it is shown once, with its first source.
    private List<(Agency Agency, AgencyLink Link)> Links(IEnumerable<AgencyLink> links) =>
        links.Where(link => link.Code != Agency.Code)
            .DistinctBy(link => link.Code, StringComparer.Ordinal)
            .Select(link => (Snapshot.AgenciesByCode[link.Code], link))
            .ToList();
}
