using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.Dashboard;

/// <summary>
/// Adds <see cref="AuditEntry"/> rows to the request's <see cref="PortalDbContext"/>. <see cref="Add"/> leaves the
/// saving to the caller, so the entry commits together with the change it describes.
/// </summary>
public sealed class AuditLog(PortalDbContext db, TimeProvider time)
{
    private const int MaxUser = 256;
    private const int MaxTarget = 200;
    private const int MaxDetail = 1000;

    public void Add(AuditAction action, string user, string? target = null, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            User = Clip(user, MaxUser),
            Action = action,
            Target = target is null ? null : Clip(target, MaxTarget),
            Detail = detail is null ? null : Clip(detail, MaxDetail),
        });
    }

    /// <summary>Adds and saves at once, for events that change nothing else (sign-in, export).</summary>
    public async Task WriteAsync(AuditAction action, string user, string? target = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        Add(action, user, target, detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Vietnamese name of an action for the log page.</summary>
    public static string Label(AuditAction action) => action switch
    {
        AuditAction.SignedIn => "Đăng nhập",
        AuditAction.SignInFailed => "Đăng nhập sai",
        AuditAction.LockedOut => "Tạm khóa do đăng nhập sai",
        AuditAction.SignedOut => "Đăng xuất",
        AuditAction.PasswordChanged => "Đổi mật khẩu",
        AuditAction.Exported => "Xuất dữ liệu",
        AuditAction.CommentStateChanged => "Đổi trạng thái góp ý",
        AuditAction.NoteAdded => "Thêm ghi chú",
        AuditAction.RatingAccepted => "Chấp nhận phiếu bị gắn cờ",
        AuditAction.RatingRejected => "Loại phiếu bị gắn cờ",
        AuditAction.UserCreated => "Tạo tài khoản",
        AuditAction.UserLocked => "Khóa tài khoản",
        AuditAction.UserUnlocked => "Mở khóa tài khoản",
        AuditAction.PasswordReset => "Cấp lại mật khẩu",
        _ => action.ToString(),
    };

    // Typed text (a failed sign-in's e-mail) can be any length; the log keeps a bounded prefix.
    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
