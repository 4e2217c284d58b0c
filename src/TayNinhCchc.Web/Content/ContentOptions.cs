namespace TayNinhCchc.Web.Content;

/// <summary>Where the Markdown and YAML content lives and how changes to it are picked up.</summary>
public sealed class ContentOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Content";

    /// <summary>
    /// Folder holding the content files; a relative path is resolved against the app's content root.
    /// Default: <c>../../content</c>, the repository's <c>content/</c> seen from <c>src/TayNinhCchc.Web</c>.
    /// </summary>
    public string Root { get; set; } = "../../content";

    /// <summary>Reload the catalogue when a file under <see cref="Root"/> changes. Default: <c>true</c>.</summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>
    /// Quiet period after the last file change before reloading, so an editor's save burst causes one reload.
    /// Default: 300 ms.
    /// </summary>
    public int ReloadDelayMilliseconds { get; set; } = 300;
}
