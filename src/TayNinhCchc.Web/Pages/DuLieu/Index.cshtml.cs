using Microsoft.AspNetCore.Mvc.RazorPages;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Pages.DuLieu;

public sealed class IndexModel(ContentLibrary library, RatingStatistics statistics) : PageModel
{
    public int ProcedureCount { get; private set; }

    /// <summary>The results file's <c>minimum_n</c>.</summary>
    public int Minimum => statistics.MinimumForPublication;

    public void OnGet() => ProcedureCount = library.Current.Procedures.All.Count;
}
