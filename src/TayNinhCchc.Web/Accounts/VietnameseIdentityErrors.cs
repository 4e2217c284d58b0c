using Microsoft.AspNetCore.Identity;

namespace TayNinhCchc.Web.Accounts;

/// <summary>Identity's messages in Vietnamese, for the errors an administrator or a staff member can meet.</summary>
public sealed class VietnameseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Đã có lỗi xảy ra. Vui lòng thử lại.");

    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), "Tài khoản vừa được người khác thay đổi. Tải lại trang và thử lại.");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Mật khẩu hiện tại không đúng.");

    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), $"Tên đăng nhập «{userName}» chứa ký tự không hợp lệ.");

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"Email «{email}» không hợp lệ.");

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), $"Đã có tài khoản với email «{userName}».");

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"Đã có tài khoản với email «{email}».");

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "Tài khoản đã có mật khẩu.");

    public override IdentityError UserLockoutNotEnabled() =>
        Error(nameof(UserLockoutNotEnabled), "Tài khoản này không bật chế độ tạm khóa.");

    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), $"Mật khẩu phải dài ít nhất {length} ký tự. Nên dùng một cụm từ dễ nhớ với bạn nhưng khó đoán với người khác.");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), $"Mật khẩu phải có ít nhất {uniqueChars} ký tự khác nhau.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
