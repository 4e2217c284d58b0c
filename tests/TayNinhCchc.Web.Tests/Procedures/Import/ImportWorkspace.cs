using System.Text;
using Microsoft.Extensions.Time.Testing;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Procedures;
using TayNinhCchc.Web.Procedures.Import;
using TayNinhCchc.Web.Tests.Content;

namespace TayNinhCchc.Web.Tests.Procedures.Import;

/// <summary>
/// A temporary content folder (agency directory only) plus a place for danh mục files, with helpers to run the
/// import command on real files and to read back what it wrote the way the site does.
/// </summary>
internal sealed class ImportWorkspace : IDisposable
{
    public const string Header =
        "STT,Mã TTHC,Tên thủ tục hành chính,Thời hạn giải quyết,Địa điểm thực hiện,Dịch vụ công trực tuyến,Cơ quan thực hiện,\"Phí, lệ phí\",Căn cứ pháp lý,Ghi chú";

    public const string PublishedBy = "Quyết định số 2770/QĐ-UBND ngày 18/11/2025 của Chủ tịch UBND tỉnh Đồng Nai";

    public const string Source = "Kiểm thử";

    public ImportWorkspace()
    {
        Root = Directory.CreateTempSubdirectory("tayninhcchc-import-").FullName;
        ContentRoot = Path.Combine(Root, "content");
        Directory.CreateDirectory(ContentRoot);
        File.WriteAllText(Path.Combine(ContentRoot, ContentLoader.AgencyFile), ContentFolder.Agencies);
    }

    public string Root { get; }

    public string ContentRoot { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero));

    public string ProcedurePath(string code) => Path.Combine(ContentRoot, ContentLoader.ProcedureFolder, code + ".md");

    /// <summary>Writes a CSV file (header + lines) as UTF-8, with or without a byte order mark.</summary>
    public string WriteCsv(string name, IEnumerable<string> lines, bool bom = false)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, Header + "\n" + string.Join("\n", lines) + "\n", new UTF8Encoding(bom));
        return path;
    }

    public (int ExitCode, string Output) Run(string file, params string[] extra)
    {
        string[] args = [file, "--published-by", PublishedBy, "--source", Source, "--content", ContentRoot, .. extra];
        return RunRaw(args);
    }

    public (int ExitCode, string Output) RunRaw(params string[] args)
    {
        using var output = new StringWriter();
        var exit = ProcedureImportCommand.Run(args, output, Time, interactive: false);
        return (exit, output.ToString());
    }

    /// <summary>Imports through the importer itself, for assertions on the report.</summary>
    public ImportReport Import(string file, string? field = null, string[]? levels = null, string publishedBy = PublishedBy)
    {
        var table = DanhMucTable.Read(file, out var error) ?? throw new InvalidOperationException(error);
        return new ProcedureImporter(ContentRoot, Time).Import(table, new ImportSettings(publishedBy, Source, field, levels ?? []));
    }

    /// <summary>Reads a written file exactly as the site does; fails the test on any problem.</summary>
    public Procedure Load(string code)
    {
        var relative = $"{ContentLoader.ProcedureFolder}/{code}.md";
        var file = new ContentFile(relative, File.ReadAllText(ProcedurePath(code)));
        var procedure = ProcedureReader.Read(file, AgencyCodes, new MarkdownRenderer());
        Assert.Empty(file.Problems);
        return Assert.IsType<Procedure>(procedure);
    }

    public static readonly IReadOnlySet<string> AgencyCodes =
        new HashSet<string>(["ubnd-tinh", "so-noi-vu", "ubnd-huyen-go-dau", "ubnd-tinh-tay-ninh-2025", "cac-so-nganh"], StringComparer.Ordinal);

    public string[] WrittenFiles() =>
        Directory.Exists(Path.Combine(ContentRoot, ContentLoader.ProcedureFolder))
            ? Directory.GetFiles(Path.Combine(ContentRoot, ContentLoader.ProcedureFolder)).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray()
            : [];

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
