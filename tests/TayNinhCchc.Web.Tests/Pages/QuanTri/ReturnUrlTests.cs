using System.Net;
using TayNinhCchc.Web.Accounts;

namespace TayNinhCchc.Web.Tests.Pages.QuanTri;

/// <summary>
/// Crafted return URLs on the sign-in form: each one must still sign the user in (the cookie is set) and land on a
/// page of this site, never elsewhere and never on an error.
/// </summary>
public sealed class ReturnUrlTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>The ReturnUrl as it appears, already percent-encoded, in the sign-in link.</summary>
    public static TheoryData<string, string> Crafted => new()
    {
        { "tab inside", "%2Fquan-tri%2F%09%2Fevil.example" },
        { "tab first", "%09%2Fquan-tri" },
        { "CR LF", "%2Fquan-tri%0D%0ALocation%3A%20https%3A%2F%2Fevil.example" },
        { "LF only", "%2Fquan-tri%0A" },
        { "backslash host", "%2F%5Cevil.example" },
        { "backslash in dashboard path", "%2Fquan-tri%5C..%5C..%5Cevil.example" },
        { "protocol-relative", "%2F%2Fevil.example%2Fquan-tri" },
        { "double-encoded slashes", "%252F%252Fevil.example" },
        { "absolute https", "https%3A%2F%2Fevil.example%2Fquan-tri" },
        { "javascript scheme", "javascript%3Aalert(1)" },
        { "outside the dashboard", "%2Fthu-tuc" },
        { "lookalike prefix", "%2Fquan-tri-gia" },
        { "sign-in page again", "%2Fquan-tri%2Fdang-nhap" },
        { "NUL byte", "%2Fquan-tri%00" },
        { "unicode line separator", "%2Fquan-tri%E2%80%A8" },
        { "only whitespace", "%20%20" },
    };

    [Theory]
    [MemberData(nameof(Crafted))]
    public async Task A_crafted_return_url_still_signs_in_and_lands_on_the_overview(string name, string returnUrl)
    {
        var email = await portal.CreateUserAsync(PortalRoles.Administrator);
        using var client = portal.CreateDashboardClient();

        using var response = await client.SubmitSignInAsync(email, Dashboard.Password, $"/quan-tri/dang-nhap?ReturnUrl={returnUrl}");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{name}: {(int)response.StatusCode}");
        Assert.Equal("/quan-tri", response.Location());
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith(".TayNinhCchc.QuanTri=", StringComparison.Ordinal));
        using var overview = await client.GetAsync(new Uri("/quan-tri", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
    }

    [Theory]
    [InlineData("%2Fquan-tri%2Fnhat-ky", "/quan-tri/nhat-ky")]
    [InlineData("%2Fquan-tri%2Fgop-y%3Ftrang-thai%3Dmoi", "/quan-tri/gop-y?trang-thai=moi")]
    [InlineData("%2Fquan-tri", "/quan-tri")]
    public async Task A_dashboard_return_url_is_kept(string returnUrl, string expected)
    {
        var email = await portal.CreateUserAsync(PortalRoles.Administrator);
        using var client = portal.CreateDashboardClient();

        using var response = await client.SubmitSignInAsync(email, Dashboard.Password, $"/quan-tri/dang-nhap?ReturnUrl={returnUrl}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Location());
    }
}
