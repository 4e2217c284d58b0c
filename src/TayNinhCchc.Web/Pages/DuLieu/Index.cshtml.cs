using Microsoft.AspNetCore.Mvc.RazorPages;
using TayNinhCchc.Web.Content;

namespace TayNinhCchc.Web.Pages.DuLieu;

public sealed class IndexModel(ContentLibrary library) : PageModel
{
    public int ProcedureCount { get; private set; }

    public void OnGet() => ProcedureCount = library.Current.Procedures.All.Count;
}
