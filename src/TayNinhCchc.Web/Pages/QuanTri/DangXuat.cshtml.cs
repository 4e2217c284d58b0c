using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TayNinhCchc.Web.Accounts;
using TayNinhCchc.Web.Dashboard;

namespace TayNinhCchc.Web.Pages.QuanTri;

/// <summary>
/// Sign-out is a POST (a link or an image elsewhere cannot sign anyone out); GET shows the button. It ends every
/// session of the account, not only this browser's: a copied cookie must not outlive the sign-out.
/// </summary>
public sealed class DangXuatModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AuditLog audit) : StaffPageModel
{
    protected override bool AllowedWithOneTimePassword => true;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A new security stamp makes every cookie issued so far fail its next check (PortalIdentity), on every node.
        if (await users.FindByIdAsync(Scope.UserId) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        await audit.WriteAsync(AuditAction.SignedOut, Scope.Email, cancellationToken: cancellationToken);
        return Redirect(PortalIdentity.LoginPath + "?da-dang-xuat=1");
    }
}
