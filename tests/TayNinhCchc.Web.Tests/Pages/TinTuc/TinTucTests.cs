using System.Xml.Linq;
using TayNinhCchc.Web.Content;

namespace TayNinhCchc.Web.Tests.Pages.TinTuc;

[Collection(SharedPortal.Name)]
public sealed class TinTucTests(PortalFactory portal)
{
    private ContentSnapshot Content => portal.Services.GetRequiredService<ContentLibrary>().Current;

    [Fact]
    public async Task News_list_shows_ten_articles_a_page_with_paging()
    {
        using var client = portal.CreatePortalClient();
        var published = Content.PublishedNews(portal.Time.GetUtcNow().UtcDateTime).ToList();
        Assert.True(published.Count >= 8);

        var first = await client.GetDocumentAsync("/tin-tuc");

        Assert.Equal(Math.Min(10, published.Count), first.QuerySelectorAll("article.card").Length);
        if (published.Count > 10)
        {
            Assert.NotNull(first.QuerySelector("a[rel=next][href='/tin-tuc?trang=2']"));
            var second = await client.GetDocumentAsync("/tin-tuc?trang=2");
            Assert.Equal(published.Count - 10, second.QuerySelectorAll("article.card").Length);
        }
    }

    [Fact]
    public async Task Article_page_has_open_graph_preview_date_and_source()
    {
        using var client = portal.CreatePortalClient();
        var article = Content.PublishedNews(portal.Time.GetUtcNow().UtcDateTime).First(a => a.Image is not null);

        var document = await client.GetDocumentAsync($"/tin-tuc/{article.Slug}");

        Assert.Equal(article.Title, document.Text("h1"));
        Assert.Equal(article.Title, document.QuerySelector("meta[property='og:title']")?.GetAttribute("content"));
        Assert.Equal(article.Summary, document.QuerySelector("meta[property='og:description']")?.GetAttribute("content"));
        Assert.Equal("article", document.QuerySelector("meta[property='og:type']")?.GetAttribute("content"));
        Assert.EndsWith($"/tin-tuc/{article.Slug}", document.QuerySelector("meta[property='og:url']")?.GetAttribute("content"), StringComparison.Ordinal);
        Assert.StartsWith("http", document.QuerySelector("meta[property='og:image']")?.GetAttribute("content"), StringComparison.Ordinal);
        Assert.Equal(TayNinhCchc.Web.Infrastructure.VietnameseText.Date(article.Date), document.Text("article time"));
        Assert.Contains(article.Source, document.Text(".article__footer"), StringComparison.Ordinal);
        Assert.Equal(article.ImageAlt, document.QuerySelector(".article__image img")?.GetAttribute("alt"));

        using var image = await client.GetAsync(new Uri(article.Image!, UriKind.Relative));
        Assert.True(image.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Tag_page_lists_the_articles_with_that_tag()
    {
        using var client = portal.CreatePortalClient();
        var published = Content.PublishedNews(portal.Time.GetUtcNow().UtcDateTime).ToList();
        var tag = published.SelectMany(a => a.Tags).First();

        var document = await client.GetDocumentAsync($"/tin-tuc/the/{TayNinhCchc.Web.Infrastructure.VietnameseText.Slugify(tag)}");

        Assert.Equal($"Chủ đề: {tag}", document.Text("h1"));
        Assert.Equal(published.Count(a => a.Tags.Contains(tag)), document.QuerySelectorAll("article.card").Length);
    }

    [Fact]
    public async Task Atom_feed_lists_the_published_articles()
    {
        using var client = portal.CreatePortalClient();

        using var response = await client.GetAsync(new Uri("/tin-tuc/feed.xml", UriKind.Relative));

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var titles = feed.Root!.Elements(atom + "entry").Select(entry => (string?)entry.Element(atom + "title")).ToList();
        Assert.Equal(Content.PublishedNews(portal.Time.GetUtcNow().UtcDateTime).Take(20).Select(a => a.Title), titles);
    }
}
