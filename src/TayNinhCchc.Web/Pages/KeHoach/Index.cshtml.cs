using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TayNinhCchc.Web.Content;

namespace TayNinhCchc.Web.Pages.KeHoach;

[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class IndexModel(ContentLibrary library) : PageModel
{
    public PlanDocument Plan { get; private set; } = default!;

    public IActionResult OnGet()
    {
        if (library.Current.Plan is not { } plan)
        {
            return NotFound();
        }

        Plan = plan;
        return Page();
    }
}
