using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TayNinhCchc.Web.Pages;

/// <summary>Vietnamese error pages for status codes (re-executed) and unhandled exceptions.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class LoiModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Code = code;

    // A failed POST is re-executed as a POST; it must still get the error page, not a 405.
    public void OnPost(int code) => Code = code;
}
