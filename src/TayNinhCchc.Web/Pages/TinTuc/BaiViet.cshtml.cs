using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Infrastructure;

namespace TayNinhCchc.Web.Pages.TinTuc;

public sealed class BaiVietModel(ContentLibrary library, TimeProvider time, IOptions<SiteOptions> site) : PageModel
{
    public NewsArticle Article { get; private set; } = default!;

    public string? AgencyName { get; private set; }

    public string CanonicalUrl { get; private set; } = string.Empty;

    public string? ImageUrl { get; private set; }

    public IReadOnlyList<NewsArticle> Related { get; private set; } = [];

    public IActionResult OnGet(string slug)
    {
        var snapshot = library.Current;
        var now = time.GetUtcNow().UtcDateTime;
        if (!snapshot.NewsBySlug.TryGetValue(slug, out var article) || !article.IsPublishedAt(now))
        {
            return NotFound();
        }

        Article = article;
        AgencyName = article.AgencyCode is { } code ? snapshot.NameOf(code) : null;
        CanonicalUrl = Request.Absolute(site.Value, $"/tin-tuc/{article.Slug}");
        ImageUrl = article.Image is { } image ? Request.Absolute(site.Value, image) : null;
        Related = snapshot.PublishedNews(now)
            .Where(other => other.Slug != article.Slug && other.Tags.Intersect(article.Tags).Any())
            .Take(3)
            .ToList();
        return Page();
    }
}
