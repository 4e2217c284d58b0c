using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TayNinhCchc.Web.Accounts;
using TayNinhCchc.Web.Dashboard;

namespace TayNinhCchc.Web.Pages.QuanTri;

/// <summary>Sign-out is a POST (a link or an image elsewhere cannot sign anyone out); GET shows the button.</summary>
public sealed class DangXuatModel(SignInManager<PortalUser> signIn, AuditLog audit) : StaffPageModel
{
    protected override bool AllowedWithOneTimePassword => true;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await signIn.SignOutAsync();
        await audit.WriteAsync(AuditAction.SignedOut, Scope.Email, cancellationToken: cancellationToken);
        return Redirect(PortalIdentity.LoginPath + "?da-dang-xuat=1");
    }
}
