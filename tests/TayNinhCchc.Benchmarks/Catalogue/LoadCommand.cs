using System.Diagnostics;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Procedures;
using YamlDotNet.RepresentationModel;

namespace TayNinhCchc.Benchmarks.Catalogue;

/// <summary>
/// <c>load --dir CONTENT_DIR</c>: where the portal's content load time goes. Times the real load
/// (<see cref="ContentLoader"/>: everything), then, on the same files, each step alone: reading the files, parsing
/// the front matter with YamlDotNet, rendering the Markdown bodies with the portal's <see cref="MarkdownRenderer"/>
/// (Markdig + HtmlSanitizer), and building the <see cref="SearchIndex"/>. Single-threaded, as the portal loads.
/// </summary>
internal static class LoadCommand
{
    public static int Run(string[] args)
    {
        var options = new Arguments(args, []);
        var dir = options.String("dir");
        if (dir is null)
        {
            Console.Error.WriteLine("usage: load --dir CONTENT_DIR");
            return 2;
        }

        // Warm-up load (JIT), then the measured one.
        _ = LoadedCatalogue.Load(dir);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var catalogue = LoadedCatalogue.Load(dir);
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine($"{dir}: {catalogue.Snapshot.Procedures.All.Count:N0} procedures, {catalogue.Snapshot.Problems.Count} problems");
        Console.WriteLine($"  full load (ContentLoader, as at start-up): {catalogue.LoadTime.TotalMilliseconds,8:N0} ms; snapshot retains ~{retained / 1048576.0:N0} MB managed heap");

        var files = Directory.GetFiles(Path.Combine(dir, ContentLoader.ProcedureFolder), "*.md");
        var stopwatch = Stopwatch.StartNew();
        var texts = files.Select(File.ReadAllText).ToArray();
        Console.WriteLine($"  read {files.Length:N0} files ({texts.Sum(t => (long)t.Length) / 1048576.0:N1} M chars):       {stopwatch.Elapsed.TotalMilliseconds,8:N0} ms");

        var split = texts.Select(Split).ToArray();
        stopwatch.Restart();
        foreach (var (front, _) in split)
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(front));
        }

        Console.WriteLine($"  YAML front matter (YamlDotNet parse only): {stopwatch.Elapsed.TotalMilliseconds,8:N0} ms");

        var renderer = new MarkdownRenderer();
        stopwatch.Restart();
        foreach (var (_, body) in split)
        {
            _ = renderer.Render(body);
        }

        Console.WriteLine($"  Markdown bodies (Markdig + HtmlSanitizer): {stopwatch.Elapsed.TotalMilliseconds,8:N0} ms");

        stopwatch.Restart();
        var index = new SearchIndex(catalogue.Documents, [], []);
        Console.WriteLine($"  search index ({index.Count:N0} documents):          {stopwatch.Elapsed.TotalMilliseconds,8:N0} ms");
        return 0;
    }

    private static (string Front, string Body) Split(string text)
    {
        var start = text.IndexOf("---\n", StringComparison.Ordinal);
        var end = text.IndexOf("\n---\n", start + 4, StringComparison.Ordinal);
        return start < 0 || end < 0 ? (string.Empty, text) : (text[(start + 4)..end], text[(end + 5)..]);
    }
}
