using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Dashboard;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.Accounts;

/// <summary>An account to create: who, which role, and (for agency staff) which agency.</summary>
public sealed record NewAccount(string Email, string DisplayName, string Role, string? AgencyCode);

/// <summary>Succeeded, or the Vietnamese reasons it did not.</summary>
public sealed record AccountResult(bool Succeeded, IReadOnlyList<string> Errors)
{
    public static AccountResult Success { get; } = new(true, []);

    public static AccountResult Fail(params string[] errors) => new(false, errors);

    public static AccountResult From(IdentityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Succeeded ? Success : new(false, result.Errors.Select(error => error.Description).ToList());
    }
}

/// <summary>
/// Creating, locking and re-issuing passwords of dashboard accounts, for the <c>create-admin</c>/<c>create-user</c>
/// commands and the users page alike. Each change and its audit entry commit in one transaction.
/// </summary>
public sealed class PortalAccounts(UserManager<PortalUser> users, PortalDbContext db, AuditLog audit, ContentLibrary content, TimeProvider time)
{
    // No 0/O, 1/l/I: the password is read off a screen and typed in once.
    private const string OneTimeAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task<AccountResult> CreateAsync(NewAccount account, string password, bool mustChangePassword, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(password);
        var email = account.Email.Trim();
        var name = string.IsNullOrWhiteSpace(account.DisplayName) ? email : account.DisplayName.Trim();
        string? agency = null;
        if (account.Role == PortalRoles.AgencyStaff)
        {
            agency = account.AgencyCode?.Trim();
            if (string.IsNullOrEmpty(agency))
            {
                return AccountResult.Fail("Tài khoản cán bộ cần có cơ quan.");
            }

            if (!content.Current.AgenciesByCode.ContainsKey(agency))
            {
                return AccountResult.Fail($"Không có cơ quan mã «{agency}» trong danh mục cơ quan (content/co-quan.yml).");
            }
        }
        else if (account.Role != PortalRoles.Administrator)
        {
            return AccountResult.Fail($"Vai trò «{account.Role}» không tồn tại.");
        }

        if (string.IsNullOrWhiteSpace(password))
        {
            return AccountResult.Fail("Chưa nhập mật khẩu.");
        }

        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            // Accounts are issued by an administrator who knows the address; there is no self-service sign-up to confirm.
            EmailConfirmed = true,
            DisplayName = name,
            AgencyCode = agency,
            MustChangePassword = mustChangePassword,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return AccountResult.From(created);
        }

        var role = await users.AddToRoleAsync(user, account.Role);
        if (!role.Succeeded)
        {
            return AccountResult.From(role);
        }

        audit.Add(AuditAction.UserCreated, actor, email, agency is null ? PortalRoles.Label(account.Role) : $"{PortalRoles.Label(account.Role)} – {agency}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AccountResult.Success;
    }

    /// <summary>Locks the account until unlocked (not just for the sign-in lockout period) or unlocks it.</summary>
    public async Task<AccountResult> SetLockedAsync(PortalUser user, bool locked, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (result.Succeeded && !locked)
        {
            result = await users.ResetAccessFailedCountAsync(user);
        }

        if (result.Succeeded && locked)
        {
            // A new stamp invalidates cookies already issued, on any node.
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded)
        {
            return AccountResult.From(result);
        }

        audit.Add(locked ? AuditAction.UserLocked : AuditAction.UserUnlocked, actor, user.Email);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AccountResult.Success;
    }

    /// <summary>Replaces the password with a new one-time password that must be changed at the next sign-in.</summary>
    public async Task<(AccountResult Result, string? Password)> ResetPasswordAsync(PortalUser user, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var password = await NewOneTimePasswordAsync(user);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.RemovePasswordAsync(user);
        if (result.Succeeded)
        {
            result = await users.AddPasswordAsync(user, password);
        }

        if (result.Succeeded)
        {
            user.MustChangePassword = true;
            result = await users.UpdateAsync(user);
        }

        if (!result.Succeeded)
        {
            return (AccountResult.From(result), null);
        }

        audit.Add(AuditAction.PasswordReset, actor, user.Email);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (AccountResult.Success, password);
    }

    /// <summary>A random password that passes every password rule, to be shown once to the administrator.</summary>
    public async Task<string> NewOneTimePasswordAsync(PortalUser user)
    {
        while (true)
        {
            var groups = Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(OneTimeAlphabet, 4));
            var password = string.Join('-', groups);
            var valid = true;
            foreach (var validator in users.PasswordValidators)
            {
                valid &= (await validator.ValidateAsync(users, user, password)).Succeeded;
            }

            if (valid)
            {
                return password;
            }
        }
    }

    public Task<PortalUser?> FindAsync(string id) => users.Users.FirstOrDefaultAsync(user => user.Id == id);
}
