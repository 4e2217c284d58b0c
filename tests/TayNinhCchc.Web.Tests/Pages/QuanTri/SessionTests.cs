using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using TayNinhCchc.Web.Accounts;

namespace TayNinhCchc.Web.Tests.Pages.QuanTri;

/// <summary>
/// A copied dashboard cookie (another browser, a stolen copy) is replayed after each event that must end every session
/// of the account: it has to be sent to sign-in. Before the event the same copy works, so each test can fail.
/// </summary>
public sealed class SessionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string CookieName = ".TayNinhCchc.QuanTri";

    [Fact]
    public async Task Sign_out_ends_every_copy_of_the_session()
    {
        var email = await portal.CreateUserAsync(PortalRoles.Administrator);
        var (client, copy) = await SignInCopyingCookieAsync(email);
        using (client)
        {
            await AssertSignedInAsync(copy);

            using var signOut = await client.SubmitAsync("/quan-tri", "form.dashboard-bar__logout");

            Assert.Equal("/quan-tri/dang-nhap?da-dang-xuat=1", signOut.Location());
            await AssertSentToSignInAsync(copy);
        }
    }

    [Fact]
    public async Task A_password_change_ends_the_other_sessions_and_keeps_the_one_that_made_it()
    {
        var email = await portal.CreateUserAsync(PortalRoles.Administrator);
        var (other, copy) = await SignInCopyingCookieAsync(email);
        using var _ = other;
        using var current = await portal.SignInAsync(email);
        await AssertSignedInAsync(copy);

        using var changed = await current.SubmitAsync("/quan-tri/doi-mat-khau", Forms.Main, new Dictionary<string, string>
        {
            ["Input.Current"] = Dashboard.Password,
            ["Input.New"] = "sông Vàm Cỏ Đông chảy về",
            ["Input.Confirm"] = "sông Vàm Cỏ Đông chảy về",
        });

        Assert.Equal("/quan-tri/doi-mat-khau?da-doi=1", changed.Location());
        // The session that changed the password got a fresh cookie and stays signed in.
        Assert.Contains(changed.Headers.GetValues("Set-Cookie"), value => value.StartsWith(CookieName + "=", StringComparison.Ordinal));
        using var afterwards = await current.GetAsync(new Uri("/quan-tri", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        await AssertSentToSignInAsync(copy);
        using var otherBrowser = await other.GetAsync(new Uri("/quan-tri", UriKind.Relative));
        Assert.StartsWith("https://localhost/quan-tri/dang-nhap", otherBrowser.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_reset_by_an_administrator_ends_the_accounts_sessions()
    {
        var staff = await portal.CreateUserAsync(PortalRoles.AgencyStaff, portal.AgencyAt(3));
        var (staffClient, copy) = await SignInCopyingCookieAsync(staff);
        using var _ = staffClient;
        using var admin = await portal.SignInNewUserAsync(PortalRoles.Administrator);
        var id = (await portal.UserAsync(staff)).Id;
        await AssertSignedInAsync(copy, "/quan-tri/gop-y");

        using var reset = await admin.SubmitAsync("/quan-tri/nguoi-dung", $"form[action*='handler=Reset'][action*='id={id}']");

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.NotEmpty((await Html.ParseAsync(reset)).Text("#mat-khau-mot-lan"));
        await AssertSentToSignInAsync(copy, "/quan-tri/gop-y");
        // The administrator's own session is untouched.
        using var adminPage = await admin.GetAsync(new Uri("/quan-tri/nguoi-dung", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, adminPage.StatusCode);
    }

    [Fact]
    public async Task A_lock_ends_every_copy_of_the_session_too()
    {
        var staff = await portal.CreateUserAsync(PortalRoles.AgencyStaff, portal.AgencyAt(3));
        var (staffClient, copy) = await SignInCopyingCookieAsync(staff);
        using var _ = staffClient;
        using var admin = await portal.SignInNewUserAsync(PortalRoles.Administrator);
        var id = (await portal.UserAsync(staff)).Id;
        await AssertSignedInAsync(copy, "/quan-tri/gop-y");

        using var locked = await admin.SubmitAsync("/quan-tri/nguoi-dung", $"form[action*='handler=Lock'][action*='id={id}']");
        using var unlocked = await admin.SubmitAsync("/quan-tri/nguoi-dung", $"form[action*='handler=Unlock'][action*='id={id}']");

        // Unlocking gives the account back, not the sessions it had: the old cookie stays dead.
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        await AssertSentToSignInAsync(copy, "/quan-tri/gop-y");
    }

    /// <summary>Signs in through the real form and keeps a copy of the dashboard cookie as it was issued.</summary>
    private async Task<(HttpClient Client, string Cookie)> SignInCopyingCookieAsync(string email)
    {
        var client = portal.CreateDashboardClient();
        using var response = await client.SubmitSignInAsync(email, Dashboard.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(value => value.StartsWith(CookieName + "=", StringComparison.Ordinal));
        return (client, cookie.Split(';')[0]);
    }

    /// <summary>A GET from a browser that holds nothing but the copied cookie.</summary>
    private async Task<HttpResponseMessage> ReplayAsync(string cookie, string url)
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri("https://localhost"),
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private async Task AssertSignedInAsync(string cookie, string url = "/quan-tri")
    {
        using var response = await ReplayAsync(cookie, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task AssertSentToSignInAsync(string cookie, string url = "/quan-tri")
    {
        using var response = await ReplayAsync(cookie, url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/quan-tri/dang-nhap", response.Location(), StringComparison.Ordinal);
    }
}
