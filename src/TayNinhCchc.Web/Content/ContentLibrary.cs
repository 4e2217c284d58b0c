using Microsoft.Extensions.Options;

namespace TayNinhCchc.Web.Content;

/// <summary>
/// Holds the current <see cref="ContentSnapshot"/>. The content folder is read once at start-up and again a moment
/// after any file in it changes; the new snapshot replaces the old one in a single reference swap, so a request
/// sees either the old catalogue or the new one, never a mixture.
/// </summary>
public sealed partial class ContentLibrary : IDisposable
{
    private readonly ContentLoader loader;
    private readonly TimeProvider time;
    private readonly ILogger<ContentLibrary> logger;
    private readonly Lock reloadGate = new();
    private readonly FileSystemWatcher? watcher;
    private readonly ITimer? debounce;
    private readonly int delayMilliseconds;
    private ContentSnapshot current = ContentSnapshot.Empty;
    private long version;

    public ContentLibrary(
        ContentLoader loader,
        IOptions<ContentOptions> options,
        IWebHostEnvironment environment,
        TimeProvider time,
        ILogger<ContentLibrary> logger)
    {
        this.loader = loader;
        this.time = time;
        this.logger = logger;
        RootPath = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Root));
        delayMilliseconds = Math.Max(0, options.Value.ReloadDelayMilliseconds);
        Reload();

        if (options.Value.WatchForChanges && Directory.Exists(RootPath))
        {
            // Debouncing is about wall-clock file events, not business time: always the system clock.
            debounce = TimeProvider.System.CreateTimer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            watcher = new FileSystemWatcher(RootPath)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += OnChanged;
            watcher.Created += OnChanged;
            watcher.Deleted += OnChanged;
            watcher.Renamed += OnChanged;
            watcher.EnableRaisingEvents = true;
        }
    }

    /// <summary>Absolute path of the content folder.</summary>
    public string RootPath { get; }

    /// <summary>The catalogue to serve this request from; take it once per request.</summary>
    public ContentSnapshot Current => Volatile.Read(ref current);

    /// <summary>Increases with every reload; output caches and ETags key on it.</summary>
    public long Version => Interlocked.Read(ref version);

    /// <summary>Reads the folder again and swaps in the result. Safe to call from several threads.</summary>
    public void Reload()
    {
        lock (reloadGate)
        {
            var next = loader.Load(RootPath, Current, time.GetUtcNow().UtcDateTime);
            Volatile.Write(ref current, next);
            Interlocked.Increment(ref version);
            foreach (var problem in next.Problems)
            {
                LogProblem(logger, problem);
            }

            LogLoaded(logger, RootPath, next.Agencies.Count, next.News.Count, next.Problems.Count);
        }
    }

    public void Dispose()
    {
        watcher?.Dispose();
        debounce?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content problem: {Problem}")]
    private static partial void LogProblem(ILogger logger, ContentProblem problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Content loaded from {Root}: {Agencies} agencies, {News} articles, {Problems} problems")]
    private static partial void LogLoaded(ILogger logger, string root, int agencies, int news, int problems);

    private void OnChanged(object sender, FileSystemEventArgs e) =>
        debounce?.Change(TimeSpan.FromMilliseconds(delayMilliseconds), Timeout.InfiniteTimeSpan);
}
