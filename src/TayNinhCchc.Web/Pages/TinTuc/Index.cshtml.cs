using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Infrastructure;

namespace TayNinhCchc.Web.Pages.TinTuc;

public sealed class IndexModel(ContentLibrary library, TimeProvider time, IOptions<SiteOptions> site) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "trang")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<NewsArticle> Articles { get; private set; } = [];

    public int TotalPages { get; private set; }

    public IReadOnlyList<TagCount> Tags { get; private set; } = [];

    public sealed record TagCount(string Name, string Slug, int Count);

    public IActionResult OnGet()
    {
        var published = library.Current.PublishedNews(time.GetUtcNow().UtcDateTime).ToList();
        var size = Math.Max(1, site.Value.NewsPageSize);
        TotalPages = Math.Max(1, (published.Count + size - 1) / size);
        if (PageNumber < 1 || PageNumber > TotalPages)
        {
            return NotFound();
        }

        Articles = published.Skip((PageNumber - 1) * size).Take(size).ToList();
        Tags = CountTags(published);
        return Page();
    }

    internal static IReadOnlyList<TagCount> CountTags(IEnumerable<NewsArticle> articles) => articles
        .SelectMany(article => article.Tags)
        .GroupBy(VietnameseText.Slugify)
        .Select(group => new TagCount(group.First(), group.Key, group.Count()))
        .OrderByDescending(tag => tag.Count)
        .ThenBy(tag => tag.Slug, StringComparer.Ordinal)
        .ToList();
}
