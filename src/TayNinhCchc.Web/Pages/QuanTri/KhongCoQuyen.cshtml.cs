using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TayNinhCchc.Web.Pages.QuanTri;

/// <summary>Where a signed-in user lands when a page is not theirs to see; answers 403 so nothing mistakes it for success.</summary>
public sealed class KhongCoQuyenModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
