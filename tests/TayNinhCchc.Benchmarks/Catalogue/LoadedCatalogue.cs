using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Procedures;

namespace TayNinhCchc.Benchmarks.Catalogue;

/// <summary>
/// A content folder loaded exactly as the portal loads it (<see cref="ContentLibrary"/> over
/// <see cref="ContentLoader"/>), so the search index under test is the one the site would serve.
/// </summary>
internal sealed class LoadedCatalogue
{
    private LoadedCatalogue(string root, ContentSnapshot snapshot, TimeSpan loadTime)
    {
        Root = root;
        Snapshot = snapshot;
        LoadTime = loadTime;
        Documents = snapshot.Procedures.All.Select(ProcedureCatalog.ToSearchDocument).ToArray();
    }

    public string Root { get; }

    public ContentSnapshot Snapshot { get; }

    public SearchIndex Index => Snapshot.Procedures.Search;

    /// <summary>Each procedure as the index sees it .</summary>
    public IReadOnlyList<SearchDocument> Documents { get; }

    /// <summary>Wall time of the whole load: reading, YAML, Markdown and the search index.</summary>
    public TimeSpan LoadTime { get; }

    public static LoadedCatalogue Load(string root)
    {
        var full = Path.GetFullPath(root);
        var stopwatch = Stopwatch.StartNew();
        using var library = new ContentLibrary(
            new ContentLoader(new MarkdownRenderer()),
            Options.Create(new ContentOptions { Root = full, WatchForChanges = false }),
            new FixedHostEnvironment(full),
            TimeProvider.System,
            NullLogger<ContentLibrary>.Instance);
        var snapshot = library.Current;
        stopwatch.Stop();
        return new LoadedCatalogue(full, snapshot, stopwatch.Elapsed);
    }

    internal sealed class FixedHostEnvironment(string contentRoot) : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = contentRoot;

        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();

        public string ApplicationName { get; set; } = "TayNinhCchc.Benchmarks";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();

        public string ContentRootPath { get; set; } = contentRoot;

        public string EnvironmentName { get; set; } = "Production";
    }
}
