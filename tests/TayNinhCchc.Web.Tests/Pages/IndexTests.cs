namespace TayNinhCchc.Web.Tests.Pages;

[Collection(SharedPortal.Name)]
public sealed class IndexTests(PortalFactory portal)
{
    [Fact]
    public async Task Home_page_leads_to_plan_tasks_news_and_agencies()
    {
        using var client = portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/");

        Assert.Equal("vi", document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Cải cách hành chính tỉnh Tây Ninh", document.Text("h1"), StringComparison.Ordinal);
        var links = document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/ke-hoach", links);
        Assert.Contains("/ke-hoach/nhiem-vu", links);
        Assert.Contains("/tin-tuc", links);
        Assert.Contains("/co-quan", links);
        Assert.Contains("1.752.580.000 đồng", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Layout_has_skip_link_landmarks_and_no_external_resources()
    {
        using var client = portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/");

        Assert.Equal("#noi-dung", document.QuerySelector("a.skip-link")?.GetAttribute("href"));
        Assert.NotNull(document.QuerySelector("header"));
        Assert.NotNull(document.QuerySelector("nav[aria-label]"));
        Assert.NotNull(document.QuerySelector("main#noi-dung"));
        Assert.NotNull(document.QuerySelector("footer"));
        var resources = document.QuerySelectorAll("link[href], script[src], img[src]")
            .Select(element => element.GetAttribute("href") ?? element.GetAttribute("src") ?? string.Empty)
            .ToList();
        Assert.All(resources, url => Assert.StartsWith("/", url, StringComparison.Ordinal));
        Assert.Empty(document.QuerySelectorAll("script:not([src])"));
        // Served by the portal itself (stylesheets, icon, emblem, feed): URLs are written root-relative, not with "~/".
        foreach (var url in resources)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"GET {url} returned {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        using var client = portal.CreatePortalClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
