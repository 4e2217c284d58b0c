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

    public IReadOnlyList<Agency> Successors { get; private set; } = [];

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
        Successors = Snapshot.Agencies.Where(other => other.Predecessors.Contains(code)).ToList();
        Procedures = Snapshot.Procedures.All.Where(procedure => procedure.Agencies.Contains(code)).ToList();
        News = Snapshot.PublishedNews(time.GetUtcNow().UtcDateTime).Where(article => article.AgencyCode == code).ToList();
        return Page();
    }
}
