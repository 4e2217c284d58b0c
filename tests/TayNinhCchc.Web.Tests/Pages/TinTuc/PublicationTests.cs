using System.Net;
using TayNinhCchc.Web.Tests.Content;

namespace TayNinhCchc.Web.Tests.Pages.TinTuc;

/// <summary>Drafts and scheduled articles, over HTTP, with a clock the test moves.</summary>
public sealed class PublicationTests : IDisposable
{
    private readonly ContentFolder folder = new();
    private readonly PortalFactory portal;

    public PublicationTests()
    {
        folder.Write("tin-tuc/ban-nhap.md", ContentFolder.Article("Bản nháp", "2021-01-01", "draft: true\n"));
        folder.Write("tin-tuc/hen-gio.md", ContentFolder.Article("Hẹn giờ", "2021-01-01", "publish_at: 2026-12-01T08:00\n"));
        portal = PortalFactory.ForContent(folder.Root, now: new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));
    }

    public void Dispose()
    {
        portal.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task Drafts_and_future_articles_are_never_public()
    {
        using var client = portal.CreatePortalClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/tin-tuc/ban-nhap", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/tin-tuc/hen-gio", UriKind.Relative))).StatusCode);
        var list = await client.GetStringAsync(new Uri("/tin-tuc", UriKind.Relative));
        var feed = await client.GetStringAsync(new Uri("/tin-tuc/feed.xml", UriKind.Relative));
        var sitemap = await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative));
        foreach (var text in new[] { list, feed, sitemap })
        {
            Assert.DoesNotContain("ban-nhap", text, StringComparison.Ordinal);
            Assert.DoesNotContain("hen-gio", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_scheduled_article_appears_at_its_publication_time()
    {
        using var client = portal.CreatePortalClient();

        portal.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/tin-tuc/hen-gio", UriKind.Relative))).StatusCode);
    }
}
