using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TayNinhCchc.Web.Content;

namespace TayNinhCchc.Web.Tests.Content;

public sealed class ContentLibraryTests : IDisposable
{
    private readonly ContentFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Editing_a_file_updates_the_site_within_seconds_without_a_restart()
    {
        // Arrange
        using var library = CreateLibrary(watch: true);
        var before = library.Current;
        Assert.Equal("Bài một", before.NewsBySlug["bai-mot"].Title);

        // Act
        folder.Write("tin-tuc/bai-mot.md", ContentFolder.Article("Bài một đã sửa", "2021-01-05"));
        folder.Write("tin-tuc/bai-moi.md", ContentFolder.Article("Bài mới", "2021-01-06"));
        var updated = await WaitForAsync(library, snapshot => snapshot.NewsBySlug.ContainsKey("bai-moi")
            && snapshot.NewsBySlug["bai-mot"].Title == "Bài một đã sửa");

        // Assert
        Assert.True(updated, "the catalogue did not pick up the edits within 10 seconds");
        Assert.Equal("Bài một", before.NewsBySlug["bai-mot"].Title);
    }

    [Fact]
    public async Task Readers_never_see_a_half_loaded_catalogue()
    {
        using var library = CreateLibrary(watch: false);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var reader = Task.Run(() =>
        {
            var observed = 0;
            while (!stop.IsCancellationRequested)
            {
                var snapshot = library.Current;
                Assert.Equal(4, snapshot.Agencies.Count);
                Assert.Equal(2, snapshot.Appendix!.Tasks.Count);
                Assert.Single(snapshot.News);
                observed++;
            }

            return observed;
        });

        while (!stop.IsCancellationRequested)
        {
            library.Reload();
        }

        Assert.True(await reader > 0);
    }

    private ContentLibrary CreateLibrary(bool watch) => new(
        new ContentLoader(new MarkdownRenderer()),
        Options.Create(new ContentOptions { Root = folder.Root, WatchForChanges = watch, ReloadDelayMilliseconds = 100 }),
        new TestEnvironment(),
        TimeProvider.System,
        NullLogger<ContentLibrary>.Instance);

    private static async Task<bool> WaitForAsync(ContentLibrary library, Func<ContentSnapshot, bool> condition)
    {
        for (var waited = 0; waited < 10_000; waited += 50)
        {
            if (condition(library.Current))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    private sealed class TestEnvironment : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();

        public string ApplicationName { get; set; } = "TayNinhCchc.Web";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public string EnvironmentName { get; set; } = "Production";
    }
}
