using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Infrastructure;

namespace TayNinhCchc.Web.Pages.TinTuc;

public sealed class TheModel(ContentLibrary library, TimeProvider time) : PageModel
{
    public string TagName { get; private set; } = string.Empty;

    public IReadOnlyList<NewsArticle> Articles { get; private set; } = [];

    public IActionResult OnGet(string tag)
    {
        Articles = library.Current.PublishedNews(time.GetUtcNow().UtcDateTime)
            .Where(article => article.Tags.Any(name => VietnameseText.Slugify(name) == tag))
            .ToList();
        if (Articles.Count == 0)
        {
            return NotFound();
        }

        TagName = Articles[0].Tags.First(name => VietnameseText.Slugify(name) == tag);
        return Page();
    }
}
