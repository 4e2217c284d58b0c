using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Infrastructure;

namespace TayNinhCchc.Web.Endpoints;

/// <summary>Machine-readable site files: sitemap.xml, robots.txt and the Atom news feed.</summary>
public static class SiteEndpoints
{
    public static IEndpointRouteBuilder MapSiteEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/robots.txt", (HttpRequest request, IOptions<SiteOptions> site) =>
            Results.Text($"User-agent: *\nDisallow: /quan-tri\nSitemap: {request.Absolute(site.Value, "/sitemap.xml")}\n", "text/plain; charset=utf-8"));

        endpoints.MapGet("/sitemap.xml", (HttpRequest request, IOptions<SiteOptions> site, ContentLibrary library, TimeProvider time) =>
        {
            var snapshot = library.Current;
            var paths = new List<string> { "/", "/ke-hoach", "/ke-hoach/nhiem-vu", "/tin-tuc", "/co-quan" };
            var published = snapshot.PublishedNews(time.GetUtcNow().UtcDateTime).ToList();
            paths.AddRange(published.Select(article => $"/tin-tuc/{article.Slug}"));
            paths.AddRange(published.SelectMany(article => article.Tags).Select(VietnameseText.Slugify).Distinct().Select(tag => $"/tin-tuc/the/{tag}"));
            paths.AddRange(snapshot.Agencies.Select(agency => $"/co-quan/{agency.Code}"));
            paths.Add("/thu-tuc");
            paths.Add("/du-lieu");
            paths.Add("/ket-qua-danh-gia");
            paths.Add("/ket-qua-danh-gia/phuong-phap");
            paths.AddRange(snapshot.Agencies.Select(agency => $"/ket-qua-danh-gia/{agency.Code}"));
            paths.AddRange(snapshot.Procedures.All.Select(procedure => procedure.Url));

            var xml = new StringBuilder();
            using (var writer = XmlWriter.Create(xml, new XmlWriterSettings { Indent = true }))
            {
                writer.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
                foreach (var path in paths)
                {
                    writer.WriteStartElement("url");
                    writer.WriteElementString("loc", request.Absolute(site.Value, path));
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
            }

            return Results.Text(xml.ToString().Replace("utf-16", "utf-8", StringComparison.Ordinal), "application/xml; charset=utf-8");
        });

        endpoints.MapGet("/tin-tuc/feed.xml", (HttpRequest request, IOptions<SiteOptions> site, ContentLibrary library, TimeProvider time) =>
        {
            var articles = library.Current.PublishedNews(time.GetUtcNow().UtcDateTime).Take(20).ToList();
            var xml = new StringBuilder();
            using (var writer = XmlWriter.Create(xml, new XmlWriterSettings { Indent = true }))
            {
                const string atom = "http://www.w3.org/2005/Atom";
                writer.WriteStartElement("feed", atom);
                writer.WriteAttributeString("xml", "lang", null, "vi");
                writer.WriteElementString("title", atom, "Tin cải cách hành chính tỉnh Tây Ninh");
                writer.WriteElementString("id", atom, request.Absolute(site.Value, "/tin-tuc"));
                writer.WriteElementString("updated", atom, Timestamp(articles.Count > 0 ? articles.Max(a => a.Date) : DateOnly.FromDateTime(library.Current.LoadedAtUtc)));
                WriteLink(writer, atom, request.Absolute(site.Value, "/tin-tuc/feed.xml"), "self");
                WriteLink(writer, atom, request.Absolute(site.Value, "/tin-tuc"), "alternate");
                foreach (var article in articles)
                {
                    var url = request.Absolute(site.Value, $"/tin-tuc/{article.Slug}");
                    writer.WriteStartElement("entry", atom);
                    writer.WriteElementString("title", atom, article.Title);
                    writer.WriteElementString("id", atom, url);
                    writer.WriteElementString("updated", atom, Timestamp(article.Date));
                    writer.WriteElementString("published", atom, Timestamp(article.Date));
                    WriteLink(writer, atom, url, "alternate");
                    writer.WriteStartElement("author", atom);
                    writer.WriteElementString("name", atom, article.AgencyCode is { } code ? library.Current.NameOf(code) : "Cổng CCHC tỉnh Tây Ninh");
                    writer.WriteEndElement();
                    foreach (var tag in article.Tags)
                    {
                        writer.WriteStartElement("category", atom);
                        writer.WriteAttributeString("term", tag);
                        writer.WriteEndElement();
                    }

                    writer.WriteElementString("summary", atom, article.Summary);
                    writer.WriteStartElement("content", atom);
                    writer.WriteAttributeString("type", "html");
                    writer.WriteString(article.Body.Html);
                    writer.WriteEndElement();
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
            }

            return Results.Text(xml.ToString().Replace("utf-16", "utf-8", StringComparison.Ordinal), "application/atom+xml; charset=utf-8");
        });

        return endpoints;
    }

    // Articles carry a date only; midnight in Vietnam time is the honest reading of it.
    private static string Timestamp(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T00:00:00+07:00";

    private static void WriteLink(XmlWriter writer, string ns, string href, string rel)
    {
        writer.WriteStartElement("link", ns);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }
}
