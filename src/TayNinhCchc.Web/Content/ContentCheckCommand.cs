namespace TayNinhCchc.Web.Content;

/// <summary>
/// <c>dotnet run --project src/TayNinhCchc.Web -- check-content [folder]</c>: loads the content exactly as the site
/// does, prints every problem as <c>path:line: message</c> and exits 1 when there is any.
/// </summary>
public static class ContentCheckCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var root = Path.GetFullPath(args.Length > 0 ? args[0] : FindDefaultRoot());
        var snapshot = new ContentLoader(new MarkdownRenderer()).Load(root, ContentSnapshot.Empty, DateTime.UtcNow);
        foreach (var problem in snapshot.Problems)
        {
            output.WriteLine(problem);
        }

        output.WriteLine(
            $"{root}: {snapshot.Agencies.Count} cơ quan, {snapshot.Appendix?.Tasks.Count ?? 0} nhiệm vụ, " +
            $"{snapshot.News.Count} bài viết, {snapshot.Procedures.All.Count} thủ tục, {snapshot.CriteriaSets.Count} bộ tiêu chí đánh giá, {snapshot.Problems.Count} lỗi.");
        return snapshot.Problems.Count == 0 ? 0 : 1;
    }

    /// <summary>The repository's content/ folder, found from the current directory upwards.</summary>
    private static string FindDefaultRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "content");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return "content";
    }
}
