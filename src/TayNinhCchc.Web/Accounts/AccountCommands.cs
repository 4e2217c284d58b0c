using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Dashboard;

namespace TayNinhCchc.Web.Accounts;

/// <summary>
/// <c>dotnet run --project src/TayNinhCchc.Web -- create-admin --email X [--name "…"]</c> and
/// <c>create-user --email X --agency CODE [--name "…"]</c>: create a dashboard account without starting the web
/// server. The password is read from standard input (one line), or from the <see cref="PasswordVariable"/>
/// environment variable when set, so it never appears in the shell history or the process list. There is no default
/// account: the first administrator exists only once this command has run. Exit code 0 when created, 1 when refused
/// (weak password, e-mail taken, unknown agency), 2 on a usage error.
/// </summary>
public static class AccountCommands
{
    public const string CreateAdmin = "create-admin";
    public const string CreateUser = "create-user";
    public const string PasswordVariable = "TAYNINHCCHC_PASSWORD";

    public const int Success = 0;
    public const int Refused = 1;
    public const int UsageError = 2;

    private const string Usage =
        "Cách dùng: dotnet run --project src/TayNinhCchc.Web -- create-admin --email <email> [--name \"<họ tên>\"]\n" +
        "           dotnet run --project src/TayNinhCchc.Web -- create-user --email <email> --agency <mã cơ quan> [--name \"<họ tên>\"]\n" +
        $"Mật khẩu đọc từ đầu vào chuẩn (một dòng) hoặc từ biến môi trường {PasswordVariable}.";

    public static bool Handles(string[] args) => args is [CreateAdmin or CreateUser, ..];

    /// <summary>Builds the portal's services (database, content, Identity) without a web server and runs the command.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration[$"{ContentOptions.Section}:{nameof(ContentOptions.WatchForChanges)}"] = "false";
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddPortalContent(builder.Configuration);
        builder.Services.AddPortalDatabase(builder.Configuration);
        builder.Services.AddPortalIdentityCore();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<PortalAccounts>();
        await using var app = builder.Build();
        await app.MigratePortalDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        return await RunAsync(args, scope.ServiceProvider.GetRequiredService<PortalAccounts>(), ReadPassword, Console.Out);
    }

    /// <summary>Runs a command against <paramref name="accounts"/>; <paramref name="readPassword"/> supplies the password.</summary>
    public static async Task<int> RunAsync(string[] args, PortalAccounts accounts, Func<string?> readPassword, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(readPassword);
        ArgumentNullException.ThrowIfNull(output);

        var options = ParseOptions(args, out var usageError);
        if (options is null)
        {
            output.WriteLine($"Lỗi: {usageError}");
            output.WriteLine(Usage);
            return UsageError;
        }

        var role = args[0] == CreateAdmin ? PortalRoles.Administrator : PortalRoles.AgencyStaff;
        var password = readPassword();
        if (string.IsNullOrEmpty(password))
        {
            output.WriteLine($"Lỗi: chưa có mật khẩu. Nhập mật khẩu ở đầu vào chuẩn hoặc đặt biến môi trường {PasswordVariable}.");
            return Refused;
        }

        var account = new NewAccount(options.Email, options.Name ?? options.Email, role, options.Agency);
        var result = await accounts.CreateAsync(account, password, mustChangePassword: false, actor: $"{args[0]} (dòng lệnh)");
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                output.WriteLine($"Lỗi: {error}");
            }

            output.WriteLine("Chưa tạo tài khoản.");
            return Refused;
        }

        output.WriteLine(role == PortalRoles.Administrator
            ? $"Đã tạo tài khoản quản trị {options.Email}. Đăng nhập tại /quan-tri/dang-nhap."
            : $"Đã tạo tài khoản cán bộ {options.Email} của cơ quan {options.Agency}. Đăng nhập tại /quan-tri/dang-nhap.");
        return Success;
    }

    private sealed record Options(string Email, string? Name, string? Agency);

    private static Options? ParseOptions(string[] args, out string error)
    {
        string? email = null, name = null, agency = null;
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--email" when value is not null:
                    email = value;
                    i++;
                    break;
                case "--name" when value is not null:
                    name = value;
                    i++;
                    break;
                case "--agency" when value is not null && args[0] == CreateUser:
                    agency = value;
                    i++;
                    break;
                default:
                    error = $"tham số không hợp lệ hoặc thiếu giá trị: «{args[i]}».";
                    return null;
            }
        }

        if (string.IsNullOrWhiteSpace(email))
        {
            error = "thiếu --email.";
            return null;
        }

        if (args[0] == CreateUser && string.IsNullOrWhiteSpace(agency))
        {
            error = "create-user cần --agency <mã cơ quan>.";
            return null;
        }

        error = string.Empty;
        return new Options(email.Trim(), name, agency);
    }

    // Scripts pass the password in the environment; people type it without it being echoed.
    private static string? ReadPassword()
    {
        if (Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine();
        }

        Console.Write("Mật khẩu (ít nhất 12 ký tự, không hiện khi gõ): ");
        var typed = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        Console.WriteLine();
        return typed.ToString();
    }
}
