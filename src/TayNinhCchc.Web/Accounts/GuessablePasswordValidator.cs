using Microsoft.AspNetCore.Identity;
using TayNinhCchc.Web.Infrastructure;

namespace TayNinhCchc.Web.Accounts;

/// <summary>
/// Refuses passwords that are long only by padding a guessable core: "Tayninh@2026", "matkhau123456",
/// "123456789012", the user's own e-mail. What is left after removing the well-known fragments, the user's name and
/// runs such as "1234" or "aaaa" must still be <see cref="MinimumRemaining"/> characters long.
/// </summary>
public sealed class GuessablePasswordValidator : IPasswordValidator<PortalUser>
{
    public const int MinimumRemaining = 8;

    // Folded (no diacritics, lower case): what Vietnamese office passwords are most often built from.
    private static readonly string[] Fragments =
    [
        "password", "passw0rd", "matkhau", "qwerty", "asdfgh", "zxcvbn", "admin", "quantri", "tayninh", "canbo",
        "letmein", "welcome", "iloveyou", "abc123",
    ];

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var folded = VietnameseText.Fold(password);
        var removed = new bool[folded.Length];
        foreach (var fragment in Fragments.Concat(PersonalFragments(user)))
        {
            for (var at = folded.IndexOf(fragment, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(fragment, at + 1, StringComparison.Ordinal))
            {
                Array.Fill(removed, true, at, fragment.Length);
            }
        }

        MarkRuns(folded, removed);
        var remaining = removed.Count(isRemoved => !isRemoved);
        return Task.FromResult(remaining >= MinimumRemaining
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError
            {
                Code = "GuessablePassword",
                Description = "Mật khẩu quá dễ đoán: bỏ đi các cụm phổ biến (như «123456», «matkhau», «tayninh», «admin») và phần giống email hay tên của bạn thì còn quá ít. Hãy dùng một cụm từ dài mà người khác khó đoán.",
            }));
    }

    private static IEnumerable<string> PersonalFragments(PortalUser user)
    {
        var email = user.Email ?? user.UserName ?? string.Empty;
        var local = email.Split('@')[0];
        var words = VietnameseText.Fold(user.DisplayName ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new[] { VietnameseText.Fold(local) }.Concat(words).Where(fragment => fragment.Length >= 3);
    }

    // Runs of three or more characters that repeat or count up or down ("aaa", "1234", "cba").
    private static void MarkRuns(string text, bool[] removed)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = start + 1;
            if (end < text.Length)
            {
                var step = text[end] - text[start];
                if (step is -1 or 0 or 1)
                {
                    while (end + 1 < text.Length && text[end + 1] - text[end] == step)
                    {
                        end++;
                    }

                    if (end - start + 1 >= 3)
                    {
                        Array.Fill(removed, true, start, end - start + 1);
                        start = end + 1;
                        continue;
                    }
                }
            }

            start++;
        }
    }
}
