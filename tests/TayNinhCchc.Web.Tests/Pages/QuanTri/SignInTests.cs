using System.Net;
using TayNinhCchc.Web.Accounts;
using TayNinhCchc.Web.Dashboard;

namespace TayNinhCchc.Web.Tests.Pages.QuanTri;

public sealed class SignInTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>Every dashboard URL, with the method it answers.</summary>
    public static TheoryData<string, string> DashboardUrls => new()
    {
        { "GET", "/quan-tri" },
        { "GET", "/quan-tri/gop-y" },
        { "GET", "/quan-tri/gop-y/1" },
        { "POST", "/quan-tri/gop-y/1?handler=State" },
        { "POST", "/quan-tri/gop-y/1?handler=Note" },
        { "GET", "/quan-tri/xuat" },
        { "POST", "/quan-tri/xuat" },
        { "GET", "/quan-tri/kiem-duyet" },
        { "POST", "/quan-tri/kiem-duyet?handler=Accept&id=1" },
        { "POST", "/quan-tri/kiem-duyet?handler=Reject&id=1" },
        { "GET", "/quan-tri/nguoi-dung" },
        { "POST", "/quan-tri/nguoi-dung?handler=Create" },
        { "POST", "/quan-tri/nguoi-dung?handler=Lock&id=x" },
        { "POST", "/quan-tri/nguoi-dung?handler=Unlock&id=x" },
        { "POST", "/quan-tri/nguoi-dung?handler=Reset&id=x" },
        { "GET", "/quan-tri/nhat-ky" },
        { "GET", "/quan-tri/doi-mat-khau" },
        { "POST", "/quan-tri/doi-mat-khau" },
        { "GET", "/quan-tri/dang-xuat" },
        { "POST", "/quan-tri/dang-xuat" },
    };

    [Fact]
    public async Task Sign_in_with_the_right_password_opens_the_overview_and_is_audited()
    {
        var (agency, _) = portal.TwoAgencies();
        var email = await portal.CreateUserAsync(PortalRoles.AgencyStaff, agency);
        using var client = portal.CreateDashboardClient();

        using var response = await client.SubmitSignInAsync(email, Dashboard.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/quan-tri", response.Location());
        var overview = await client.GetDocumentAsync("/quan-tri");
        Assert.Contains(email, (await portal.AuditAsync(AuditAction.SignedIn)).Select(entry => entry.User));
        Assert.NotNull(overview.QuerySelector(".kpis"));
    }

    [Fact]
    public async Task Auth_cookie_is_http_only_secure_lax_and_limited_to_the_dashboard()
    {
        var email = await portal.CreateUserAsync(PortalRoles.Administrator);
        using var client = portal.CreateDashboardClient();

        using var response = await client.SubmitSignInAsync(email, Dashboard.Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(value => value.StartsWith(".TayNinhCchc.QuanTri=", StringComparison.Ordinal));
        Assert.Contains("path=/quan-tri", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Wrong_password_shows_the_error_summary_and_is_audited()
    {
        var email = await portal.CreateUserAsync(PortalRoles.Administrator);
        using var client = portal.CreateDashboardClient();

        using var response = await client.SubmitSignInAsync(email, "không phải mật khẩu này");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.StartsWith("Lỗi: ", document.Title, StringComparison.Ordinal);
        Assert.Equal("Email hoặc mật khẩu không đúng.", document.Text(".error-summary__list a"));
        Assert.Equal("#email", document.QuerySelector(".error-summary__list a")!.GetAttribute("href"));
        Assert.Contains(email, (await portal.AuditAsync(AuditAction.SignInFailed)).Select(entry => entry.User));
    }

    [Fact]
    public async Task Unknown_email_gets_the_same_message_as_a_wrong_password()
    {
        using var client = portal.CreateDashboardClient();

        using var response = await client.SubmitSignInAsync("khong-co@tayninh.gov.vn", Dashboard.Password);

        var document = await Html.ParseAsync(response);
        Assert.Equal("Email hoặc mật khẩu không đúng.", document.Text(".error-summary__list a"));
        Assert.Contains("khong-co@tayninh.gov.vn", (await portal.AuditAsync(AuditAction.SignInFailed)).Select(entry => entry.User));
    }

    [Fact]
    public async Task Empty_fields_are_named_in_the_error_summary()
    {
        using var client = portal.CreateDashboardClient();

        using var response = await client.SubmitSignInAsync(string.Empty, string.Empty);

        var document = await Html.ParseAsync(response);
        Assert.Equal(["Nhập email đăng nhập.", "Nhập mật khẩu."], document.QuerySelectorAll(".error-summary__list a").Select(a => a.TextContent));
        Assert.NotNull(document.QuerySelector("#password-error"));
    }

    [Fact]
    public async Task Five_failures_in_a_row_lock_the_account_even_for_the_right_password()
    {
        var email = await portal.CreateUserAsync(PortalRoles.Administrator);
        using var client = portal.CreateDashboardClient();
        for (var attempt = 1; attempt < PortalIdentity.MaxFailedAccessAttempts; attempt++)
        {
            using var failed = await client.SubmitSignInAsync(email, "sai mật khẩu lần nữa");
            Assert.Equal("Email hoặc mật khẩu không đúng.", (await Html.ParseAsync(failed)).Text(".error-summary__list a"));
        }

        using var locking = await client.SubmitSignInAsync(email, "sai mật khẩu lần cuối");
        using var rightPassword = await client.SubmitSignInAsync(email, Dashboard.Password);

        Assert.Contains("tạm khóa", (await Html.ParseAsync(locking)).Text(".error-summary__list a"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
        var message = (await Html.ParseAsync(rightPassword)).Text(".error-summary__list a");
        Assert.Equal(DangNhapMessage, message);
        Assert.Contains("15 phút", message, StringComparison.Ordinal);
        Assert.Equal(2, (await portal.AuditAsync(AuditAction.LockedOut)).Count(entry => entry.User == email));
    }

    [Fact]
    public async Task Sign_out_is_a_post_that_ends_the_session_and_is_audited()
    {
        var email = await portal.CreateUserAsync(PortalRoles.Administrator);
        using var client = await portal.SignInAsync(email);

        using var signOut = await client.SubmitAsync("/quan-tri", "form.dashboard-bar__logout");
        using var after = await client.GetAsync(new Uri("/quan-tri", UriKind.Relative));

        Assert.Equal("/quan-tri/dang-nhap?da-dang-xuat=1", signOut.Location());
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("https://localhost/quan-tri/dang-nhap", after.Location(), StringComparison.Ordinal);
        Assert.Contains(email, (await portal.AuditAsync(AuditAction.SignedOut)).Select(entry => entry.User));
        var page = await client.GetDocumentAsync("/quan-tri/dang-nhap?da-dang-xuat=1");
        Assert.Equal("Bạn đã đăng xuất.", page.Text(".notice--success"));
    }

    [Theory]
    [MemberData(nameof(DashboardUrls))]
    public async Task Anonymous_requests_are_sent_to_the_sign_in_page(string method, string url)
    {
        using var client = portal.CreateDashboardClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent([]);
        }

        using var response = await client.SendAsync(request);

        // A POST without a token may be refused by antiforgery first; either way no page is served.
        if (method == "POST" && response.StatusCode == HttpStatusCode.BadRequest)
        {
            return;
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/quan-tri/dang-nhap?ReturnUrl=", response.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_post_with_a_valid_token_is_still_sent_to_the_sign_in_page()
    {
        using var client = portal.CreateDashboardClient();
        var token = (await client.GetDocumentAsync("/quan-tri/dang-nhap")).Token();

        using var response = await client.PostWithTokenAsync("/quan-tri/xuat", token, new Dictionary<string, string> { ["Input.From"] = "2026-11-01", ["Input.To"] = "2026-11-28", ["Input.Format"] = "csv" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/quan-tri/dang-nhap", response.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_url_brings_the_user_back_but_never_off_the_dashboard()
    {
        var email = await portal.CreateUserAsync(PortalRoles.Administrator);
        using var inside = portal.CreateDashboardClient();
        using var outside = portal.CreateDashboardClient();

        using var back = await inside.SubmitSignInAsync(email, Dashboard.Password, "/quan-tri/dang-nhap?ReturnUrl=%2Fquan-tri%2Fnhat-ky");
        using var offSite = await outside.SubmitSignInAsync(email, Dashboard.Password, "/quan-tri/dang-nhap?ReturnUrl=https%3A%2F%2Fevil.example%2F");

        Assert.Equal("/quan-tri/nhat-ky", back.Location());
        Assert.Equal("/quan-tri", offSite.Location());
    }

    [Fact]
    public async Task Dashboard_responses_are_never_stored()
    {
        var email = await portal.CreateUserAsync(PortalRoles.Administrator);
        using var client = await portal.SignInAsync(email);
        using var anonymous = portal.CreateDashboardClient();

        foreach (var response in new[]
        {
            await client.GetAsync(new Uri("/quan-tri", UriKind.Relative)),
            await client.GetAsync(new Uri("/quan-tri/nhat-ky", UriKind.Relative)),
            await anonymous.GetAsync(new Uri("/quan-tri/dang-nhap", UriKind.Relative)),
            await anonymous.GetAsync(new Uri("/quan-tri/gop-y", UriKind.Relative)),
        })
        {
            using (response)
            {
                Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task No_account_exists_until_one_is_created()
    {
        using var fresh = new PortalFactory();
        using var client = fresh.CreateDashboardClient();
        (await client.GetAsync(new Uri("/quan-tri/dang-nhap", UriKind.Relative))).Dispose();

        var users = await fresh.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Users));

        Assert.Equal(0, users);
    }

    [Fact]
    public async Task A_one_time_password_must_be_replaced_before_anything_else()
    {
        var (agency, _) = portal.TwoAgencies();
        var email = await portal.CreateUserAsync(PortalRoles.AgencyStaff, agency, mustChangePassword: true);
        using var client = await portal.SignInAsync(email);

        using var overview = await client.GetAsync(new Uri("/quan-tri", UriKind.Relative));
        using var inbox = await client.GetAsync(new Uri("/quan-tri/gop-y", UriKind.Relative));
        using var changed = await client.SubmitAsync("/quan-tri/doi-mat-khau", Forms.Main, new Dictionary<string, string>
        {
            ["Input.Current"] = Dashboard.Password,
            ["Input.New"] = "sông Vàm Cỏ Đông chảy về",
            ["Input.Confirm"] = "sông Vàm Cỏ Đông chảy về",
        });
        using var afterwards = await client.GetAsync(new Uri("/quan-tri", UriKind.Relative));

        Assert.Equal("/quan-tri/doi-mat-khau", overview.Location());
        Assert.Equal("/quan-tri/doi-mat-khau", inbox.Location());
        Assert.Equal("/quan-tri/doi-mat-khau?da-doi=1", changed.Location());
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        Assert.False((await portal.UserAsync(email)).MustChangePassword);
        Assert.Contains(email, (await portal.AuditAsync(AuditAction.PasswordChanged)).Select(entry => entry.User));
    }

    [Fact]
    public async Task Change_password_refuses_a_guessable_new_password_with_a_Vietnamese_message()
    {
        var email = await portal.CreateUserAsync(PortalRoles.Administrator);
        using var client = await portal.SignInAsync(email);

        using var response = await client.SubmitAsync("/quan-tri/doi-mat-khau", Forms.Main, new Dictionary<string, string>
        {
            ["Input.Current"] = Dashboard.Password,
            ["Input.New"] = "Tayninh@123456",
            ["Input.Confirm"] = "Tayninh@123456",
        });

        var document = await Html.ParseAsync(response);
        Assert.Contains("quá dễ đoán", document.Text(".error-summary__list"), StringComparison.Ordinal);
        Assert.Equal("#new", document.QuerySelector(".error-summary__list a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Locking_an_account_ends_its_open_session()
    {
        var (agency, _) = portal.TwoAgencies();
        var email = await portal.CreateUserAsync(PortalRoles.AgencyStaff, agency);
        using var client = await portal.SignInAsync(email);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<PortalAccounts>();
            var user = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>().FindByEmailAsync(email);
            Assert.True((await accounts.SetLockedAsync(user!, locked: true, "test")).Succeeded);
        }

        using var response = await client.GetAsync(new Uri("/quan-tri", UriKind.Relative));
        using var other = portal.CreateDashboardClient();
        using var signIn = await other.SubmitSignInAsync(email, Dashboard.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/quan-tri/dang-nhap", response.Location(), StringComparison.Ordinal);
        Assert.Equal(DangNhapMessage, (await Html.ParseAsync(signIn)).Text(".error-summary__list a"));
    }

    private static string DangNhapMessage => Web.Pages.QuanTri.DangNhapModel.LockedOutMessage;
}
