using System.Net;
using System.Xml.Linq;
using TayNinhCchc.Web.Content;

namespace TayNinhCchc.Web.Tests.Endpoints;

[Collection(SharedPortal.Name)]
public sealed class SiteEndpointsTests(PortalFactory portal)
{
    [Fact]
    public async Task Sitemap_lists_the_pages_every_article_and_every_agency()
    {
        using var client = portal.CreatePortalClient();
        var content = portal.Services.GetRequiredService<ContentLibrary>().Current;

        var xml = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));

        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var paths = xml.Root!.Elements(ns + "url").Select(url => new Uri((string)url.Element(ns + "loc")!).AbsolutePath).ToList();
        Assert.Contains("/ke-hoach", paths);
        Assert.Contains("/ke-hoach/nhiem-vu", paths);
        Assert.All(content.PublishedNews(portal.Time.GetUtcNow().UtcDateTime), article => Assert.Contains($"/tin-tuc/{article.Slug}", paths));
        Assert.All(content.Agencies, agency => Assert.Contains($"/co-quan/{agency.Code}", paths));
    }

    [Fact]
    public async Task Robots_points_to_the_sitemap()
    {
        using var client = portal.CreatePortalClient();

        var robots = await client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));

        Assert.Contains("Sitemap: https://localhost/sitemap.xml", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_reports_database_and_content()
    {
        using var client = portal.CreatePortalClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
