using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Accounts;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Dashboard;

namespace TayNinhCchc.Web.Pages.QuanTri;

/// <summary>
/// Administrators create accounts (agency staff or administrators), lock and unlock them, and issue new passwords.
/// A new password is random, shown once on the response to the POST and never stored in clear; its holder must
/// replace it at first sign-in.
/// </summary>
[Authorize(Policy = PortalPolicies.Administrator)]
public sealed class NguoiDungModel(UserManager<PortalUser> users, PortalAccounts accounts, ContentLibrary content, TimeProvider time) : StaffPageModel
{
    public static readonly IReadOnlyList<(string Value, string Role, string Label)> Roles =
    [
        ("can-bo", PortalRoles.AgencyStaff, "Cán bộ của một cơ quan"),
        ("quan-tri", PortalRoles.Administrator, "Quản trị viên (mọi cơ quan, người dùng, kiểm duyệt, nhật ký)"),
    ];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    /// <summary>The account a one-time password was just issued for, and the password; shown once.</summary>
    public (string Email, string Password)? Issued { get; private set; }

    public string? StatusMessage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var email = Input.Email?.Trim() ?? string.Empty;
        if (email.Length == 0)
        {
            Errors.Add("email", "Nhập email của người dùng.");
        }

        if (string.IsNullOrWhiteSpace(Input.Name))
        {
            Errors.Add("ten", "Nhập họ tên (và chức vụ, nếu cần) để nhận ra người dùng trong nhật ký.");
        }

        var role = Roles.FirstOrDefault(entry => entry.Value == Input.Role).Role;
        if (role is null)
        {
            Errors.Add("vai-tro", "Chọn vai trò.");
        }
        else if (role == PortalRoles.AgencyStaff && string.IsNullOrEmpty(Input.Agency))
        {
            Errors.Add("co-quan-moi", "Chọn cơ quan của cán bộ.");
        }

        if (Errors.Count == 0)
        {
            var draft = new PortalUser { UserName = email, Email = email, DisplayName = Input.Name!.Trim() };
            var password = await accounts.NewOneTimePasswordAsync(draft);
            var result = await accounts.CreateAsync(
                new NewAccount(email, Input.Name!, role!, role == PortalRoles.AgencyStaff ? Input.Agency : null),
                password,
                mustChangePassword: true,
                actor: Scope.Email,
                cancellationToken);
            if (result.Succeeded)
            {
                Issued = (email, password);
                Input = new InputModel();
            }
            else
            {
                foreach (var error in result.Errors)
                {
                    Errors.Add("email", error);
                }
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostLockAsync(string id, CancellationToken cancellationToken) =>
        await ChangeAsync(id, async user =>
        {
            if (user.Id == Scope.UserId)
            {
                return "Không thể tự khóa tài khoản của mình.";
            }

            var result = await accounts.SetLockedAsync(user, locked: true, Scope.Email, cancellationToken);
            return result.Succeeded ? $"Đã khóa tài khoản {user.Email}." : string.Join(' ', result.Errors);
        }, cancellationToken);

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellationToken) =>
        await ChangeAsync(id, async user =>
        {
            var result = await accounts.SetLockedAsync(user, locked: false, Scope.Email, cancellationToken);
            return result.Succeeded ? $"Đã mở khóa tài khoản {user.Email}." : string.Join(' ', result.Errors);
        }, cancellationToken);

    public async Task<IActionResult> OnPostResetAsync(string id, CancellationToken cancellationToken) =>
        await ChangeAsync(id, async user =>
        {
            var (result, password) = await accounts.ResetPasswordAsync(user, Scope.Email, cancellationToken);
            if (!result.Succeeded)
            {
                return string.Join(' ', result.Errors);
            }

            Issued = (user.Email ?? user.Id, password!);
            return null;
        }, cancellationToken);

    private async Task<IActionResult> ChangeAsync(string id, Func<PortalUser, Task<string?>> change, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        StatusMessage = await change(user);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var snapshot = content.Current;
        Agencies = snapshot.Agencies;
        var administrators = (await users.GetUsersInRoleAsync(PortalRoles.Administrator)).Select(user => user.Id).ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var list = await users.Users.AsNoTracking().OrderBy(user => user.Email).ToListAsync(cancellationToken);
        Users = list.Select(user => new UserRow(
            user.Id,
            user.Email ?? user.UserName ?? user.Id,
            user.DisplayName,
            administrators.Contains(user.Id) ? PortalRoles.Label(PortalRoles.Administrator) : PortalRoles.Label(PortalRoles.AgencyStaff),
            user.AgencyCode is null ? null : snapshot.NameOf(user.AgencyCode),
            user.LockoutEnd is { } end && end > now ? (end == DateTimeOffset.MaxValue ? UserStatus.Locked : UserStatus.TemporarilyLocked) : UserStatus.Active,
            user.MustChangePassword,
            user.CreatedAt)).ToList();
    }

    public enum UserStatus
    {
        Active,
        TemporarilyLocked,
        Locked,
    }

    public sealed record UserRow(string Id, string Email, string Name, string Role, string? Agency, UserStatus Status, bool MustChangePassword, DateTime CreatedAt);

    public sealed class InputModel
    {
        public string? Email { get; set; }

        public string? Name { get; set; }

        public string? Role { get; set; }

        public string? Agency { get; set; }
    }
}
