namespace TayNinhCchc.Benchmarks;

/// <summary>Locates the repository (the folder holding <c>TayNinhCchc.sln</c>) and its real content folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    /// <summary>Default folder for generated catalogues and benchmark artifacts: outside the repository.</summary>
    public static string DefaultWorkDir => Path.Combine(Path.GetTempPath(), "tayninhcchc-bench");

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "TayNinhCchc.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("TayNinhCchc.sln not found above the current directory or the program's folder.");
    }
}
