using System.Net;
using TayNinhCchc.Web.Accounts;
using TayNinhCchc.Web.Dashboard;

namespace TayNinhCchc.Web.Tests.Pages.QuanTri;

public sealed class UserAdminTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_administrator_creates_agency_staff_whose_one_time_password_works_once()
    {
        var agency = portal.AgencyAt(12);
        var admin = await portal.CreateUserAsync(PortalRoles.Administrator);
        using var client = await portal.SignInAsync(admin);

        using var response = await client.SubmitAsync("/quan-tri/nguoi-dung", "form[action*='handler=Create']", new Dictionary<string, string>
        {
            ["Input.Email"] = "can-bo.moi@tayninh.gov.vn",
            ["Input.Name"] = "Trần Thị Bình",
            ["Input.Role"] = "can-bo",
            ["Input.Agency"] = agency,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var password = page.Text("#mat-khau-mot-lan");
        Assert.Matches("^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$", password);
        var user = await portal.UserAsync("can-bo.moi@tayninh.gov.vn");
        Assert.Equal(agency, user.AgencyCode);
        Assert.True(user.MustChangePassword);
        Assert.DoesNotContain(password, user.PasswordHash, StringComparison.Ordinal);
        Assert.Single(await portal.AuditAsync(AuditAction.UserCreated), entry => entry.Target == "can-bo.moi@tayninh.gov.vn" && entry.User == admin);
        // Shown once: the list page does not show it again.
        var list = await client.GetDocumentAsync("/quan-tri/nguoi-dung");
        Assert.DoesNotContain(password, list.Body!.TextContent, StringComparison.Ordinal);
        using var newcomer = await portal.SignInAsync("can-bo.moi@tayninh.gov.vn", password);
        using var first = await newcomer.GetAsync(new Uri("/quan-tri/gop-y", UriKind.Relative));
        Assert.Equal("/quan-tri/doi-mat-khau", first.Location());
    }

    [Fact]
    public async Task Staff_need_an_agency_from_the_directory()
    {
        using var client = await portal.SignInNewUserAsync(PortalRoles.Administrator);

        using var missing = await client.SubmitAsync("/quan-tri/nguoi-dung", "form[action*='handler=Create']", new Dictionary<string, string>
        {
            ["Input.Email"] = "khong-co-quan@tayninh.gov.vn",
            ["Input.Name"] = "Không có cơ quan",
            ["Input.Role"] = "can-bo",
        });
        using var unknown = await client.SubmitAsync("/quan-tri/nguoi-dung", "form[action*='handler=Create']", new Dictionary<string, string>
        {
            ["Input.Email"] = "co-quan-la@tayninh.gov.vn",
            ["Input.Name"] = "Cơ quan lạ",
            ["Input.Role"] = "can-bo",
            ["Input.Agency"] = "so-khong-ton-tai",
        });

        Assert.Equal("Chọn cơ quan của cán bộ.", (await Html.ParseAsync(missing)).Text(".error-summary__list a"));
        Assert.Contains("Không có cơ quan mã «so-khong-ton-tai»", (await Html.ParseAsync(unknown)).Text(".error-summary__list a"), StringComparison.Ordinal);
        Assert.Null(await portal.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(db.Users, user => user.Email == "co-quan-la@tayninh.gov.vn")));
    }

    [Fact]
    public async Task Lock_and_unlock_take_effect_and_are_audited()
    {
        var staff = await portal.CreateUserAsync(PortalRoles.AgencyStaff, portal.AgencyAt(12));
        var admin = await portal.CreateUserAsync(PortalRoles.Administrator);
        using var client = await portal.SignInAsync(admin);
        var id = (await portal.UserAsync(staff)).Id;

        using var locked = await client.SubmitAsync("/quan-tri/nguoi-dung", $"form[action*='handler=Lock'][action*='id={id}']");
        using var refused = await portal.CreateDashboardClient().SubmitSignInAsync(staff, Dashboard.Password);
        using var unlocked = await client.SubmitAsync("/quan-tri/nguoi-dung", $"form[action*='handler=Unlock'][action*='id={id}']");
        using var signedIn = await portal.SignInAsync(staff);

        Assert.Equal($"Đã khóa tài khoản {staff}.", (await Html.ParseAsync(locked)).Text("p.notice"));
        Assert.Equal(Web.Pages.QuanTri.DangNhapModel.LockedOutMessage, (await Html.ParseAsync(refused)).Text(".error-summary__list a"));
        Assert.Equal($"Đã mở khóa tài khoản {staff}.", (await Html.ParseAsync(unlocked)).Text("p.notice"));
        Assert.Single(await portal.AuditAsync(AuditAction.UserLocked), entry => entry.Target == staff && entry.User == admin);
        Assert.Single(await portal.AuditAsync(AuditAction.UserUnlocked), entry => entry.Target == staff && entry.User == admin);
    }

    [Fact]
    public async Task A_new_password_is_shown_once_and_must_be_changed()
    {
        var staff = await portal.CreateUserAsync(PortalRoles.AgencyStaff, portal.AgencyAt(12));
        using var client = await portal.SignInNewUserAsync(PortalRoles.Administrator);
        var id = (await portal.UserAsync(staff)).Id;

        using var response = await client.SubmitAsync("/quan-tri/nguoi-dung", $"form[action*='handler=Reset'][action*='id={id}']");

        var password = (await Html.ParseAsync(response)).Text("#mat-khau-mot-lan");
        using var old = portal.CreateDashboardClient();
        using var oldPassword = await old.SubmitSignInAsync(staff, Dashboard.Password);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        using var newPassword = await portal.SignInAsync(staff, password);
        Assert.True((await portal.UserAsync(staff)).MustChangePassword);
        Assert.Single(await portal.AuditAsync(AuditAction.PasswordReset), entry => entry.Target == staff);
    }
}
