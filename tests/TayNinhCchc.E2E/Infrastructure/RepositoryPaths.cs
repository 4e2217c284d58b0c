namespace TayNinhCchc.E2E.Infrastructure;

/// <summary>Folders of the repository the tests run from, found by walking up to <c>TayNinhCchc.sln</c>.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    public static string Screenshots => Path.Combine(Root, "tests", "TestResults", "screenshots");

    public static string DefaultAxeCore => Path.Combine(Root, "tests", "node_modules", "axe-core", "axe.min.js");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TayNinhCchc.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TayNinhCchc.sln not found above " + AppContext.BaseDirectory);
    }
}
