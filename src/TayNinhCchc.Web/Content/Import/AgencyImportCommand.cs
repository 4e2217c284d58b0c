using System.Globalization;
using Spectre.Console;

namespace TayNinhCchc.Web.Content.Import;

/// <summary>
/// <c>dotnet run --project src/TayNinhCchc.Web -- import-co-quan &lt;file.csv|file.xlsx&gt; [--content &lt;dir&gt;]</c>:
/// imports the province's list of agencies into content/co-quan.yml (columns: code, name, kind, valid_from, valid_to,
/// predecessors, source; optional short_name, receives_dossiers). Exit code 0 when the file was read (even with
/// rejected rows), 1 when the register would break its rules (nothing written), 2 on a usage or read error.
/// </summary>
public static class AgencyImportCommand
{
    public const string Name = "import-co-quan";

    public const int Success = 0;

    public const int NotWritten = 1;

    public const int UsageError = 2;

    private const string Usage =
        "Cách dùng: dotnet run --project src/TayNinhCchc.Web -- import-co-quan <tệp.csv|tệp.xlsx> [--content <thư mục nội dung>]\n" +
        "Cột: code, name, kind (ubnd-tinh | so-ban-nganh | trung-tam | ubnd-huyen | ubnd-xa | nganh-doc | khac), valid_from, valid_to " +
        "(dd/MM/yyyy hoặc yyyy-MM-dd), predecessors (mã, cách nhau bằng dấu ;), source; tùy chọn: short_name, receives_dossiers (có/không).";

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

        string? file = null, content = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--content" && i + 1 < args.Length)
            {
                content = args[++i];
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) || file is not null)
            {
                output.WriteLine($"Lỗi: tham số không được hỗ trợ: '{args[i]}'.");
                output.WriteLine(Usage);
                return UsageError;
            }
            else
            {
                file = args[i];
            }
        }

        if (file is null)
        {
            output.WriteLine("Lỗi: thiếu tệp danh sách cơ quan (.csv hoặc .xlsx).");
            output.WriteLine(Usage);
            return UsageError;
        }

        var extension = Path.GetExtension(file).ToUpperInvariant();
        if (extension is not (".CSV" or ".XLSX") || !File.Exists(file))
        {
            output.WriteLine(extension is not (".CSV" or ".XLSX")
                ? $"Lỗi: chỉ nhận tệp .csv hoặc .xlsx, không nhận '{Path.GetFileName(file)}'."
                : $"Lỗi: không tìm thấy tệp '{file}'.");
            return UsageError;
        }

        var contentRoot = Path.GetFullPath(content ?? FindDefaultContentRoot());
        if (!Directory.Exists(contentRoot))
        {
            output.WriteLine($"Lỗi: không tìm thấy thư mục nội dung '{contentRoot}'.");
            return UsageError;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = 200;
        }

        var importer = new AgencyImporter(contentRoot, time);
        console.MarkupLine($"Nhập danh sách cơ quan [bold]{Markup.Escape(file)}[/] vào [bold]{Markup.Escape(importer.RegisterPath)}[/]");
        AgencyImportReport report;
        string? readError;
        try
        {
            if (interactive)
            {
                AgencyImportReport? result = null;
                string? error = null;
                console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
                    .Start(context =>
                    {
                        var task = context.AddTask("Đang nhập");
                        result = importer.Import(file, out error, () => task.Increment(1));
                        task.Value = task.MaxValue;
                    });
                (report, readError) = (result!, error);
            }
            else
            {
                report = importer.Import(file, out readError);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or FormatException
            or InvalidOperationException or NotSupportedException or ArgumentException or System.Xml.XmlException)
        {
            output.WriteLine($"Lỗi: không đọc được tệp '{Path.GetFileName(file)}': {ex.Message}");
            return UsageError;
        }

        if (readError is not null)
        {
            output.WriteLine($"Lỗi: {readError}");
            return UsageError;
        }

        console.WriteLine($"Tiêu đề ở {report.RowLabel.ToLowerInvariant()} {report.HeaderRow}, {report.RowCount} dòng dưới tiêu đề.");
        var counts = new Table().AddColumn("Kết quả").AddColumn(new TableColumn("Số bản ghi").RightAligned());
        counts.AddRow(new Text("Tạo mới"), Number(report.Count(AgencyImportOutcome.Created)));
        counts.AddRow(new Text("Cập nhật"), Number(report.Count(AgencyImportOutcome.Updated)));
        counts.AddRow(new Text("Không đổi"), Number(report.Count(AgencyImportOutcome.Unchanged)));
        counts.AddRow(new Text("Bị từ chối"), Number(report.Rejected.Count));
        console.Write(counts);

        if (report.Rejected.Count > 0)
        {
            var rejected = new Table().AddColumn(report.RowLabel).AddColumn("Mã").AddColumn("Lý do từ chối");
            foreach (var row in report.Rejected)
            {
                rejected.AddRow(new Text(row.Row.ToString(CultureInfo.InvariantCulture)), new Text(row.Code ?? "—"), new Text(row.Reason));
            }

            console.WriteLine("Các dòng bị từ chối (không ghi gì từ các dòng này):");
            console.Write(rejected);
        }
        else
        {
            console.WriteLine("Không có dòng nào bị từ chối.");
        }

        if (report.Aborted.Count > 0)
        {
            console.WriteLine("Không ghi gì: sổ đăng ký sau khi nhập sẽ vi phạm quy tắc:");
            foreach (var problem in report.Aborted)
            {
                console.WriteLine($"  {problem}");
            }

            return NotWritten;
        }

        console.WriteLine(report.Written ? "Đã ghi sổ đăng ký." : "Sổ đăng ký không thay đổi.");
        return Success;
    }

    private static Text Number(int value) => new(value.ToString(CultureInfo.InvariantCulture));

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
