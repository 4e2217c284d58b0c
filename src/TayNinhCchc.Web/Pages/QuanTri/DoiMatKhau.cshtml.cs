using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TayNinhCchc.Web.Accounts;
using TayNinhCchc.Web.Dashboard;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.Pages.QuanTri;

/// <summary>
/// Change one's own password. The only dashboard page open while the password is a one-time one issued by an
/// administrator, so that password is replaced before any rating data is shown.
/// </summary>
public sealed class DoiMatKhauModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, PortalDbContext db, AuditLog audit) : StaffPageModel
{
    protected override bool AllowedWithOneTimePassword => true;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public bool MustChange { get; private set; }

    public bool Changed { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "da-doi")] string? changed)
    {
        Changed = changed is not null;
        MustChange = (await users.FindByIdAsync(Scope.UserId))?.MustChangePassword ?? false;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(Scope.UserId);
        if (user is null)
        {
            return Challenge();
        }

        MustChange = user.MustChangePassword;
        if (string.IsNullOrEmpty(Input.Current))
        {
            Errors.Add("current", "Nhập mật khẩu hiện tại.");
        }

        if (string.IsNullOrEmpty(Input.New))
        {
            Errors.Add("new", "Nhập mật khẩu mới.");
        }
        else if (Input.New != Input.Confirm)
        {
            Errors.Add("confirm", "Mật khẩu nhập lại không khớp với mật khẩu mới.");
        }
        else if (Input.New == Input.Current)
        {
            Errors.Add("new", "Mật khẩu mới phải khác mật khẩu hiện tại.");
        }

        if (Errors.Count == 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await users.ChangePasswordAsync(user, Input.Current!, Input.New!);
            if (result.Succeeded)
            {
                user.MustChangePassword = false;
                result = await users.UpdateAsync(user);
            }

            if (result.Succeeded)
            {
                audit.Add(AuditAction.PasswordChanged, Scope.Email);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                await signIn.RefreshSignInAsync(user);
                return Redirect(PortalIdentity.ChangePasswordPath + "?da-doi=1");
            }

            foreach (var error in result.Errors)
            {
                Errors.Add(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "current" : "new", error.Description);
            }
        }

        Input = new InputModel();
        return Page();
    }

    public sealed class InputModel
    {
        public string? Current { get; set; }

        public string? New { get; set; }

        public string? Confirm { get; set; }
    }
}
