using Microsoft.AspNetCore.Mvc.RazorPages;
using TayNinhCchc.Web.Content;

namespace TayNinhCchc.Web.Pages;

public sealed class IndexModel(ContentLibrary library, TimeProvider time) : PageModel
{
    public PlanDocument? Plan { get; private set; }

    public PlanAppendix? Appendix { get; private set; }

    public IReadOnlyList<NewsArticle> LatestNews { get; private set; } = [];

    public int AgencyCount { get; private set; }

    public IReadOnlyList<FieldLink> Fields { get; private set; } = [];

    public sealed record FieldLink(string Name, string Slug, int Count);

    public void OnGet()
    {
        var snapshot = library.Current;
        Plan = snapshot.Plan;
        Appendix = snapshot.Appendix;
        LatestNews = snapshot.PublishedNews(time.GetUtcNow().UtcDateTime).Take(3).ToList();
        AgencyCount = snapshot.Agencies.Count;
        Fields = snapshot.Procedures.All
            .GroupBy(procedure => TayNinhCchc.Web.Infrastructure.VietnameseText.Slugify(procedure.Field))
            .Select(group => new FieldLink(group.First().Field, group.Key, group.Count()))
            .OrderByDescending(field => field.Count)
            .ToList();
    }
}
