using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TayNinhCchc.Web.Accounts;
using TayNinhCchc.Web.Dashboard;

namespace TayNinhCchc.Web.Pages.QuanTri;

/// <summary>
/// Sign-in to the agency dashboard. Every attempt is audited; after <see cref="PortalIdentity.MaxFailedAccessAttempts"/>
/// failures in a row the account is locked for <see cref="PortalIdentity.LockoutMinutes"/> minutes.
/// </summary>
public sealed class DangNhapModel(SignInManager<PortalUser> signIn, AuditLog audit) : PageModel
{
    private const int MaxEmailLength = 256;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public FormErrors Errors { get; } = new();

    /// <summary>Shown above the form after signing out.</summary>
    public bool SignedOut { get; private set; }

    public void OnGet([FromQuery(Name = "da-dang-xuat")] string? signedOut) => SignedOut = signedOut is not null;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var email = Input.Email?.Trim() ?? string.Empty;
        if (email.Length == 0)
        {
            Errors.Add("email", "Nhập email đăng nhập.");
        }
        else if (email.Length > MaxEmailLength)
        {
            Errors.Add("email", $"Email dài quá {MaxEmailLength} ký tự.");
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            Errors.Add("password", "Nhập mật khẩu.");
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(email, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditAction.SignedIn, email, cancellationToken: cancellationToken);
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            await audit.WriteAsync(AuditAction.LockedOut, email, cancellationToken: cancellationToken);
            Errors.Add("email", LockedOutMessage);
        }
        else
        {
            // One message for an unknown e-mail and a wrong password: the form does not reveal which accounts exist.
            await audit.WriteAsync(AuditAction.SignInFailed, email, cancellationToken: cancellationToken);
            Errors.Add("email", "Email hoặc mật khẩu không đúng.");
        }

        Input.Password = null;
        return Page();
    }

    public static string LockedOutMessage =>
        $"Tài khoản đang tạm khóa vì đăng nhập sai quá {PortalIdentity.MaxFailedAccessAttempts} lần liên tiếp, hoặc đã bị quản trị viên khóa. " +
        $"Vui lòng thử lại sau {PortalIdentity.LockoutMinutes} phút; nếu vẫn không được, liên hệ quản trị viên của Cổng.";

    /// <summary>
    /// Only a path inside the dashboard that the framework itself calls local (the check LocalRedirect
    /// applies: no scheme, no <c>//host</c> or <c>/\host</c>, no control characters such as a tab or CR/LF), so a
    /// sign-in link can never send someone to another site and a crafted one never turns a good sign-in into an error.
    /// Anything else lands on the overview.
    /// </summary>
    private string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url
        && Url.IsLocalUrl(url)
        && (url == PortalIdentity.AreaPath || url.StartsWith(PortalIdentity.AreaPath + "/", StringComparison.Ordinal) || url.StartsWith(PortalIdentity.AreaPath + "?", StringComparison.Ordinal))
        && !url.StartsWith(PortalIdentity.LoginPath, StringComparison.Ordinal)
            ? url
            : PortalIdentity.AreaPath;

    public sealed class InputModel
    {
        public string? Email { get; set; }

        public string? Password { get; set; }
    }
}
