using System.Text;
using Microsoft.Extensions.Time.Testing;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Content.Import;

namespace TayNinhCchc.Web.Tests.Content.Import;

/// <summary>The agency import on real CSV and XLSX files into a real content folder, read back as the site reads it.</summary>
public sealed class AgencyImportCommandTests : IDisposable
{
    private const string Header = "code,name,kind,valid_from,valid_to,predecessors,source";

    private readonly string root = Directory.CreateTempSubdirectory("tayninhcchc-agency-import-").FullName;
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 6, 3, 0, 0, TimeSpan.Zero));

    public AgencyImportCommandTests()
    {
        Directory.CreateDirectory(ContentRoot);
        File.WriteAllText(RegisterPath, ContentFolder.Agencies);
    }

    private string ContentRoot => Path.Combine(root, "content");

    private string RegisterPath => Path.Combine(ContentRoot, ContentLoader.AgencyFile);

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static readonly string[] GoodRows =
    [
        "so-y-te,Sở Y tế tỉnh Tây Ninh,so-ban-nganh,01/07/2025,,,Danh sách kiểm thử",
        "phuong-long-hoa,Ủy ban nhân dân phường Long Hoa,ubnd-xa,2025-07-01,,ubnd-huyen-go-dau,Nghị quyết 1682/NQ-UBTVQH15",
        // Predecessor brought by a later row of the same file; Unicode digits and a non-ASCII dash in the date.
        "xa-moi,Ủy ban nhân dân xã Mới,ubnd-xa,２０２５‐07‐01,,so-cu-trong-tep,Kiểm thử",
        "so-cu-trong-tep,Sở Cũ Trong Tệp,so-ban-nganh,,30/06/2025,,Kiểm thử",
        "so-noi-vu,Sở Nội vụ tỉnh Tây Ninh (đã cập nhật),so-ban-nganh,,,,Danh sách kiểm thử",
    ];

    private string WriteCsv(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(root, name);
        File.WriteAllText(path, Header + "\n" + string.Join("\n", lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    private (int Exit, string Output) Run(string file)
    {
        using var output = new StringWriter();
        var exit = AgencyImportCommand.Run([file, "--content", ContentRoot], output, time, interactive: false);
        return (exit, output.ToString());
    }

    private ContentSnapshot Load() => new ContentLoader(new MarkdownRenderer()).Load(ContentRoot, ContentSnapshot.Empty, time.GetUtcNow().UtcDateTime);

    [Fact]
    public void A_good_file_adds_and_updates_records_that_the_site_then_reads_without_problems()
    {
        var (exit, output) = Run(WriteCsv("co-quan.csv", GoodRows));

        Assert.Equal(AgencyImportCommand.Success, exit);
        Assert.Equal(4, Count(output, "Tạo mới"));
        Assert.Equal(1, Count(output, "Cập nhật"));
        Assert.Contains("Không có dòng nào bị từ chối.", output, StringComparison.Ordinal);

        var snapshot = Load();
        Assert.Empty(snapshot.Problems);
        Assert.Equal("Sở Nội vụ tỉnh Tây Ninh (đã cập nhật)", snapshot.AgenciesByCode["so-noi-vu"].Name);
        Assert.Equal("ubnd-tinh", snapshot.AgenciesByCode["so-noi-vu"].ParentCode); // what the file has no column for is kept
        var longHoa = snapshot.AgenciesByCode["phuong-long-hoa"];
        Assert.Equal(AgencyKind.Commune, longHoa.Kind);
        Assert.Equal(AgencyLevel.Commune, longHoa.Level);
        Assert.True(longHoa.ReceivesDossiers);
        Assert.Equal(new AgencyLink("ubnd-huyen-go-dau", new DateOnly(2025, 7, 1), "Nghị quyết 1682/NQ-UBTVQH15"), Assert.Single(longHoa.Predecessors));
        Assert.Equal(new DateOnly(2025, 7, 1), snapshot.AgenciesByCode["xa-moi"].ValidFrom);
        Assert.True(snapshot.AgenciesByCode["so-cu-trong-tep"].SuccessorUnknown);
        Assert.Contains("# --- Nhập từ co-quan.csv ngày 06/12/2026", File.ReadAllText(RegisterPath), StringComparison.Ordinal);
        Assert.False(File.Exists(RegisterPath + ".tmp"));
    }

    [Fact]
    public void Importing_the_same_file_again_changes_nothing()
    {
        var file = WriteCsv("co-quan.csv", GoodRows);
        Run(file);
        var afterFirst = File.ReadAllBytes(RegisterPath);
        var written = File.GetLastWriteTimeUtc(RegisterPath);

        var (exit, output) = Run(file);

        Assert.Equal(AgencyImportCommand.Success, exit);
        Assert.Equal(5, Count(output, "Không đổi"));
        Assert.Contains("Sổ đăng ký không thay đổi.", output, StringComparison.Ordinal);
        Assert.Equal(afterFirst, File.ReadAllBytes(RegisterPath));
        Assert.Equal(written, File.GetLastWriteTimeUtc(RegisterPath));
    }

    [Fact]
    public void An_xlsx_file_with_date_cells_is_read_like_the_csv()
    {
        var path = Path.Combine(root, "co-quan.xlsx");
        var sheet = new List<Dictionary<string, object?>>
        {
            // Every row carries every column: the writer takes its columns from the first row.
            new() { ["A"] = "Danh sách cơ quan (kiểm thử)", ["B"] = null, ["C"] = null, ["D"] = null, ["E"] = null, ["F"] = null, ["G"] = null },
            new() { ["A"] = "Mã", ["B"] = "Tên", ["C"] = "Loại", ["D"] = "Hiệu lực từ", ["E"] = "Hiệu lực đến", ["F"] = "Tiền thân", ["G"] = "Nguồn" },
            new() { ["A"] = "so-y-te", ["B"] = "Sở Y tế tỉnh Tây Ninh", ["C"] = "so-ban-nganh", ["D"] = new DateTime(2025, 7, 1), ["E"] = null, ["F"] = null, ["G"] = "Kiểm thử" },
        };
        MiniExcelLibs.MiniExcel.SaveAs(path, sheet, printHeader: false);

        var (exit, output) = Run(path);

        Assert.True(exit == AgencyImportCommand.Success, output);
        Assert.Contains("Tiêu đề ở hàng 2", output, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2025, 7, 1), Load().AgenciesByCode["so-y-te"].ValidFrom);
    }

    [Fact]
    public void Each_kind_of_bad_row_is_rejected_with_its_line_and_reason_and_nothing_of_it_is_written()
    {
        var before = File.ReadAllText(RegisterPath);
        var file = WriteCsv("co-quan-loi.csv",
        [
            "so-y-te,Sở Y tế tỉnh Tây Ninh,so-ban-nganh,01/07/2025,,,Kiểm thử",                        // line 2: good
            "xa-a,Ủy ban nhân dân xã A,ubnd-xa,01/07/2025,,khong-co-ma-nay,Kiểm thử",                   // line 3: unknown predecessor
            "so-noi-vu,Sở Nội vụ (bản ghi chồng),so-ban-nganh,01/01/2026,,,Kiểm thử",                   // line 4: overlaps so-noi-vu
            "xa-b,Ủy ban nhân dân xã B,ubnd-xa,31/02/2025,,,Kiểm thử",                                  // line 5: bad date
            "xa-c,Ủy ban nhân dân xã C,ubnd-xa,01/07/2025,30/06/2025,,Kiểm thử",                        // line 6: end before start
            "xa-d,Ủy ban nhân dân xã D,lang,01/07/2025,,,Kiểm thử",                                     // line 7: unknown kind
            "xa-e,Ủy ban nhân dân xã E,ubnd-xa,01/07/2025,,,",                                          // line 8: no source
            "so-y-te,Sở Y tế (lần hai),so-ban-nganh,01/07/2025,,,Kiểm thử",                             // line 9: same code and start twice
        ]);

        var (exit, output) = Run(file);

        Assert.Equal(AgencyImportCommand.Success, exit);
        Assert.Equal(1, Count(output, "Tạo mới"));
        Assert.Equal(7, Count(output, "Bị từ chối"));
        AssertRejected(output, 3, "xa-a", "cơ quan tiền thân 'khong-co-ma-nay' không có trong sổ đăng ký hay trong tệp");
        AssertRejected(output, 4, "so-noi-vu", "hiệu lực 01/01/2026–nay trùng với bản ghi cùng mã (chưa rõ–nay, dòng 12 của co-quan.yml)");
        AssertRejected(output, 5, "xa-b", "ngày bắt đầu '31/02/2025' không hợp lệ (cột valid_from)");
        AssertRejected(output, 6, "xa-c", "ngày kết thúc 30/06/2025 trước ngày bắt đầu 01/07/2025");
        AssertRejected(output, 7, "xa-d", "loại 'lang' không hợp lệ (cột kind)");
        AssertRejected(output, 8, "xa-e", "thiếu nguồn (cột source)");
        AssertRejected(output, 9, "so-y-te", "trùng mã và ngày bắt đầu với dòng 2 của tệp");

        var snapshot = Load();
        Assert.Empty(snapshot.Problems);
        Assert.Contains("so-y-te", snapshot.AgenciesByCode.Keys);
        Assert.Equal("Sở Y tế tỉnh Tây Ninh", snapshot.AgenciesByCode["so-y-te"].Name);
        foreach (var code in new[] { "xa-a", "xa-b", "xa-c", "xa-d", "xa-e" })
        {
            Assert.DoesNotContain(code, snapshot.AgenciesByCode.Keys);
        }

        Assert.Equal("Sở Nội vụ tỉnh Tây Ninh", snapshot.AgenciesByCode["so-noi-vu"].Name);
        // The register's own text is untouched: the one accepted row is appended before «groups:».
        var after = File.ReadAllText(RegisterPath);
        Assert.StartsWith(before.Split("\ngroups:")[0].TrimEnd('\n'), after, StringComparison.Ordinal);
        Assert.EndsWith("groups:" + before.Split("\ngroups:")[1], after, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_would_break_the_register_writes_nothing_at_all()
    {
        var before = File.ReadAllBytes(RegisterPath);
        // A district without an end: it would receive dossiers after 30/6/2025, when no results group holds districts.
        var file = WriteCsv("co-quan-huyen.csv",
        [
            "so-y-te,Sở Y tế tỉnh Tây Ninh,so-ban-nganh,01/07/2025,,,Kiểm thử",
            "ubnd-huyen-moi,Ủy ban nhân dân huyện Mới,ubnd-huyen,,,,Kiểm thử",
        ]);

        var (exit, output) = Run(file);

        Assert.Equal(AgencyImportCommand.NotWritten, exit);
        Assert.Contains("Không ghi gì: sổ đăng ký sau khi nhập sẽ vi phạm quy tắc", output, StringComparison.Ordinal);
        Assert.Contains("nhóm kết quả «UBND cấp huyện» không còn từ ngày 01/07/2025", output, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(RegisterPath));
    }

    [Theory]
    [InlineData("co-quan.txt", "chỉ nhận tệp .csv hoặc .xlsx")]
    [InlineData("khong-co.csv", "không tìm thấy tệp")]
    public void A_wrong_file_is_a_usage_error(string name, string message)
    {
        if (name.EndsWith(".txt", StringComparison.Ordinal))
        {
            File.WriteAllText(Path.Combine(root, name), "x");
        }

        var (exit, output) = Run(Path.Combine(root, name));

        Assert.Equal(AgencyImportCommand.UsageError, exit);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    /// <summary>The figure in the summary table's row <paramref name="label"/>.</summary>
    private static int Count(string output, string label)
    {
        var match = System.Text.RegularExpressions.Regex.Match(output, $"│ {label}\\s*│\\s*(\\d+) │");
        Assert.True(match.Success, $"no «{label}» row in:\n{output}");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void AssertRejected(string output, int line, string code, string reason)
    {
        var row = output.Split('\n').FirstOrDefault(candidate => candidate.Contains($"│ {line} ", StringComparison.Ordinal) && candidate.Contains(code, StringComparison.Ordinal));
        Assert.True(row is not null && row.Contains(reason, StringComparison.Ordinal), $"line {line} ({code}) not rejected with «{reason}» in:\n{output}");
    }
}
