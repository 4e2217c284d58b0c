using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using TayNinhCchc.Web.Accounts;

namespace TayNinhCchc.Web.Tests.Pages.QuanTri;

public sealed class AccountCommandTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("")]
    [InlineData("ngan-qua")]
    [InlineData("123456789012")]
    [InlineData("Tayninh@2026")]
    [InlineData("quantri.tayninh@1")]
    public async Task Create_admin_refuses_an_empty_or_weak_password(string password)
    {
        var email = $"yeu.{Guid.NewGuid().ToString("N")[..8]}@tayninh.gov.vn";
        var output = new StringWriter();

        var code = await RunAsync(["create-admin", "--email", email], password, output);

        Assert.Equal(AccountCommands.Refused, code);
        Assert.Contains("Lỗi: ", output.ToString(), StringComparison.Ordinal);
        Assert.Null(await FindAsync(email));
    }

    [Fact]
    public async Task Create_admin_creates_an_administrator_without_an_agency()
    {
        var email = $"quan-tri.{Guid.NewGuid().ToString("N")[..8]}@tayninh.gov.vn";
        var output = new StringWriter();

        var code = await RunAsync(["create-admin", "--email", email, "--name", "Nguyễn Văn Quản"], Dashboard.Password, output);

        Assert.Equal(AccountCommands.Success, code);
        Assert.Contains($"Đã tạo tài khoản quản trị {email}", output.ToString(), StringComparison.Ordinal);
        var user = await FindAsync(email);
        Assert.NotNull(user);
        Assert.Null(user.AgencyCode);
        Assert.Equal("Nguyễn Văn Quản", user.DisplayName);
        Assert.False(user.MustChangePassword);
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().IsInRoleAsync(user, PortalRoles.Administrator));
        using var client = await portal.SignInAsync(email);
        await client.GetDocumentAsync("/quan-tri/nguoi-dung");
    }

    [Fact]
    public async Task Create_user_needs_an_agency_of_the_directory()
    {
        var output = new StringWriter();

        var missing = await RunAsync(["create-user", "--email", "thieu@tayninh.gov.vn"], Dashboard.Password, output);
        var unknown = await RunAsync(["create-user", "--email", "la@tayninh.gov.vn", "--agency", "so-khong-co"], Dashboard.Password, output);
        var created = await RunAsync(["create-user", "--email", "can-bo.lenh@tayninh.gov.vn", "--agency", portal.AgencyAt(0)], Dashboard.Password, output);

        Assert.Equal(AccountCommands.UsageError, missing);
        Assert.Equal(AccountCommands.Refused, unknown);
        Assert.Equal(AccountCommands.Success, created);
        Assert.Contains("Không có cơ quan mã «so-khong-co»", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(portal.AgencyAt(0), (await FindAsync("can-bo.lenh@tayninh.gov.vn"))?.AgencyCode);
    }

    [Fact]
    public async Task The_real_command_reads_the_password_from_standard_input_and_exits_without_serving()
    {
        var folder = Directory.CreateTempSubdirectory("tayninhcchc-command-").FullName;
        try
        {
            var database = Path.Combine(folder, "portal.db");
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = folder,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "TayNinhCchc.Web.dll"), "create-admin", "--email", "dau-tien@tayninh.gov.vn" })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["ConnectionStrings__Portal"] = $"Data Source={database}";
            start.Environment["Content__Root"] = RepositoryPaths.Content;
            start.Environment.Remove(AccountCommands.PasswordVariable);

            using var process = Process.Start(start)!;
            await process.StandardInput.WriteLineAsync(Dashboard.Password);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);

            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await output} {await errors}");
            Assert.Contains("Đã tạo tài khoản quản trị dau-tien@tayninh.gov.vn", await output, StringComparison.Ordinal);
            Assert.DoesNotContain("Now listening", await output, StringComparison.Ordinal);
            await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT r."Name" FROM "AspNetUsers" u
                JOIN "AspNetUserRoles" ur ON ur."UserId" = u."Id" JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
                WHERE u."Email" = 'dau-tien@tayninh.gov.vn'
                """;
            Assert.Equal(PortalRoles.Administrator, (string?)await command.ExecuteScalarAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<int> RunAsync(string[] args, string password, TextWriter output)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await AccountCommands.RunAsync(args, scope.ServiceProvider.GetRequiredService<PortalAccounts>(), () => password, output);
    }

    private async Task<PortalUser?> FindAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email);
    }
}
