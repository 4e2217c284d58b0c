using Spectre.Console;
using TayNinhCchc.Web.Content;

namespace TayNinhCchc.Web.Procedures.Import;

/// <summary>
/// <c>dotnet run --project src/TayNinhCchc.Web -- import-tthc &lt;file.csv|file.xlsx&gt; --published-by "…" --source "…"
/// [--field "…"] [--level tinh|huyen|xa] [--content &lt;dir&gt;]</c>: imports a provincial danh mục TTHC into
/// <c>content/thu-tuc/</c>. Exit code 0 when the file was read (even with rejected rows), 2 on a usage error or a
/// file that cannot be read as a danh mục.
/// </summary>
public static class ProcedureImportCommand
{
    /// <summary>The command's name, the first argument of the program.</summary>
    public const string Name = "import-tthc";

    public const int Success = 0;

    public const int UsageError = 2;

    private const string Usage =
        "Cách dùng: dotnet run --project src/TayNinhCchc.Web -- import-tthc <tệp.csv|tệp.xlsx> " +
        "--published-by \"<quyết định công bố>\" --source \"<nơi đọc văn bản>\" [--field \"<lĩnh vực mặc định>\"] " +
        "[--level tinh|huyen|xa[,…]] [--content <thư mục nội dung>]";

    /// <summary>Runs the command; the progress bar is shown only when standard output is a terminal.</summary>
    public static int Run(string[] args, TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        return Run(args, output, time, interactive: ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected);
    }

    internal static int Run(string[] args, TextWriter output, TimeProvider time, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(time);

        if (args.Any(arg => arg is "-h" or "--help"))
        {
            output.WriteLine(Usage);
            return Success;
        }

        var options = ParseOptions(args, out var usageError);
        if (options is null)
        {
            output.WriteLine($"Lỗi: {usageError}");
            output.WriteLine(Usage);
            return UsageError;
        }

        var contentRoot = options.Content is null ? Path.GetFullPath(FindDefaultContentRoot()) : ResolvePath(options.Content, Directory.Exists);
        if (!Directory.Exists(contentRoot))
        {
            output.WriteLine($"Lỗi: không tìm thấy thư mục nội dung '{contentRoot}'.");
            return UsageError;
        }

        var table = DanhMucTable.Read(ResolvePath(options.File, File.Exists), out var readError);
        if (table is null)
        {
            output.WriteLine($"Lỗi: {readError}");
            return UsageError;
        }

        var console = CreateConsole(output, interactive);
        console.MarkupLine(
            $"Nhập danh mục [bold]{Markup.Escape(options.File)}[/] ({table.Format}, tiêu đề ở {table.RowLabel.ToLowerInvariant()} " +
            $"{table.HeaderRow}, {table.Rows.Count} dòng dưới tiêu đề) vào [bold]{Markup.Escape(Path.Combine(contentRoot, ContentLoader.ProcedureFolder))}[/]");

        var importer = new ProcedureImporter(contentRoot, time);
        var settings = new ImportSettings(options.PublishedBy, options.Source, options.Field, options.Levels);
        ImportReport report;
        if (interactive && table.Rows.Count > 0)
        {
            ImportReport? result = null;
            console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask("Đang nhập", maxValue: table.Rows.Count);
                    result = importer.Import(table, settings, () => task.Increment(1));
                });
            report = result!;
        }
        else
        {
            report = importer.Import(table, settings);
        }

        WriteSummary(console, table, report);
        return Success;
    }

    private sealed record Options(string File, string PublishedBy, string Source, string? Field, IReadOnlyList<string> Levels, string? Content);

    private static Options? ParseOptions(string[] args, out string? error)
    {
        string? file = null, publishedBy = null, source = null, field = null, level = null, content = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (file is not null)
                {
                    error = $"thừa tham số '{arg}' (chỉ nhập một tệp mỗi lần).";
                    return null;
                }

                file = arg;
                continue;
            }

            var name = arg;
            string? value = null;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                name = arg[..equals];
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Length)
            {
                value = args[++i];
            }

            if (value is null)
            {
                error = $"tùy chọn {name} cần một giá trị.";
                return null;
            }

            switch (name)
            {
                case "--published-by": publishedBy = value; break;
                case "--source": source = value; break;
                case "--field": field = value; break;
                case "--level": level = value; break;
                case "--content": content = value; break;
                default:
                    error = $"tùy chọn không được hỗ trợ: '{name}'.";
                    return null;
            }
        }

        if (file is null)
        {
            error = "thiếu tệp danh mục (.csv hoặc .xlsx).";
            return null;
        }

        if (string.IsNullOrWhiteSpace(publishedBy))
        {
            error = "thiếu --published-by (quyết định công bố danh mục, ví dụ \"Quyết định số 2770/QĐ-UBND ngày 18/11/2025 của Chủ tịch UBND tỉnh Đồng Nai\").";
            return null;
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            error = "thiếu --source (nơi đã đọc văn bản).";
            return null;
        }

        var levels = new List<string>();
        foreach (var code in (level ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!ProcedureReader.LevelCodes.ContainsKey(code))
            {
                error = $"--level '{code}' không hợp lệ; chọn tinh, huyen hoặc xa (nhiều cấp thì cách nhau bằng dấu phẩy).";
                return null;
            }

            if (!levels.Contains(code))
            {
                levels.Add(code);
            }
        }

        levels.Sort((a, b) => ImportText.LevelRank(a).CompareTo(ImportText.LevelRank(b)));
        error = null;
        return new Options(file, publishedBy.Trim(), source.Trim(), string.IsNullOrWhiteSpace(field) ? null : field.Trim(), levels, content);
    }

    private static IAnsiConsole CreateConsole(TextWriter output, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!interactive)
        {
            // Logs and redirected output are read later: do not wrap the reasons at 80 columns.
            console.Profile.Width = 200;
        }

        return console;
    }

    private static void WriteSummary(IAnsiConsole console, DanhMucTable table, ImportReport report)
    {
        var counts = new Table().AddColumn("Kết quả").AddColumn(new TableColumn("Số thủ tục").RightAligned());
        counts.AddRow(new Text("Tạo mới"), Number(report.Count(ImportOutcome.Created)));
        counts.AddRow(new Text("Cập nhật"), Number(report.Count(ImportOutcome.Updated)));
        counts.AddRow(new Text("Không đổi"), Number(report.Count(ImportOutcome.Unchanged)));
        counts.AddRow(new Text("Giữ bản theo quyết định mới hơn"), Number(report.Count(ImportOutcome.KeptNewer)));
        counts.AddRow(new Text("Bị từ chối"), Number(report.Rejected.Count));
        console.Write(counts);

        var switched = report.Imported.Where(row => row.DecisionChanged).Select(row => row.Code).ToList();
        if (switched.Count > 0)
        {
            console.WriteLine(
                $"Đổi văn bản công bố ({switched.Count} thủ tục trước đó lấy từ quyết định khác, nay theo tệp này): {string.Join(", ", switched)}");
        }

        var kept = report.Imported.Where(row => row.Outcome == ImportOutcome.KeptNewer).Select(row => row.Code).ToList();
        if (kept.Count > 0)
        {
            console.WriteLine(
                $"Không ghi đè ({kept.Count} thủ tục đã có theo quyết định ban hành sau quyết định của tệp này; xóa tệp nếu thật sự muốn nhập lại): {string.Join(", ", kept)}");
        }

        if (report.Rejected.Count == 0)
        {
            console.WriteLine("Không có dòng nào bị từ chối.");
            return;
        }

        var rejected = new Table().AddColumn(table.RowLabel).AddColumn("Mã TTHC").AddColumn("Lý do từ chối");
        foreach (var row in report.Rejected)
        {
            rejected.AddRow(new Text(row.Row.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Text(row.Code ?? "—"), new Text(row.Reason));
        }

        console.WriteLine("Các dòng bị từ chối (không ghi gì):");
        console.Write(rejected);
    }

    private static Text Number(int value) => new Text(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// A relative path is tried against the current folder and then its parents: <c>dotnet run --project</c> starts a
    /// web project in the project's folder, so "content/nguon/danh-muc/x.csv" typed at the repository root is found there.
    /// </summary>
    private static string ResolvePath(string path, Func<string, bool> exists)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, path);
            if (exists(candidate))
            {
                return candidate;
            }
        }

        return Path.GetFullPath(path);
    }

    /// <summary>The repository's content/ folder, found from the current directory upwards (as check-content does).</summary>
    private static string FindDefaultContentRoot()
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
