using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using TayNinhCchc.Web.Infrastructure;

namespace TayNinhCchc.Web.Content;

/// <summary>
/// Renders editors' Markdown to HTML that is safe to embed: one pipeline built once, heading ids as Vietnamese
/// slugs without diacritics, a table of contents, and every result passed through an HTML sanitiser because
/// authors' HTML is not trusted.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseGridTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseAutoLinks()
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();
    private readonly Lock gate = new();

    /// <summary>Renders <paramref name="markdown"/>; headings of level 2 and 3 go into the table of contents.</summary>
    public RenderedMarkdown Render(string markdown)
    {
        var document = Markdown.Parse(markdown, pipeline);
        var toc = new List<TocEntry>();
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var text = PlainText(heading.Inline).Trim();
            var id = UniqueId(VietnameseText.Slugify(text), usedIds);
            heading.GetAttributes().Id = id;
            if (heading.Level is 2 or 3)
            {
                toc.Add(new TocEntry(heading.Level, id, text));
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();

        string html;
        lock (gate)
        {
            html = sanitizer.Sanitize(writer.ToString());
        }

        // Wide tables scroll inside their own box on phones; a scrollable box must be reachable by keyboard.
        html = html
            .Replace("<table>", "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Bảng (cuộn ngang để xem hết)\"><table>", StringComparison.Ordinal)
            .Replace("</table>", "</table></div>", StringComparison.Ordinal);

        return new RenderedMarkdown(html, toc);
    }

    private static string UniqueId(string slug, HashSet<string> used)
    {
        var id = slug.Length == 0 ? "muc" : slug;
        var candidate = id;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{id}-{n}";
        }

        return candidate;
    }

    private static string PlainText(ContainerInline? container)
    {
        if (container is null)
        {
            return string.Empty;
        }

        var builder = new System.Text.StringBuilder();
        foreach (var inline in container.Descendants())
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content);
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
            }
        }

        return builder.ToString();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Add("id");
        // The site's CSP forbids inline styles; drop them here rather than have the browser refuse them.
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedSchemes.Add("mailto");
        return sanitizer;
    }
}
