using TayNinhCchc.Web.Procedures.Import;

namespace TayNinhCchc.Web.Tests.Procedures.Import;

public sealed class ProcedureImportCommandTests : IDisposable
{
    private readonly ImportWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Import_prints_the_counts_and_every_rejection_with_its_line_and_exits_0()
    {
        var file = workspace.WriteCsv("dm.csv",
        [
            ",THỦ TỤC HÀNH CHÍNH CẤP XÃ,,,,,,,,",
            ",Lĩnh vực Chứng thực,,,,,,,,",
            "1,2.001019,Chứng thực di chúc,,,,,,,",
            "2,1.014383.H13,Thủ tục có hậu tố,,,,,,,",
        ]);

        var (exit, output) = workspace.Run(file);

        Assert.Equal(ProcedureImportCommand.Success, exit);
        Assert.Matches(@"Tạo mới\s*│\s*1\s*│", output);
        Assert.Matches(@"Bị từ chối\s*│\s*1\s*│", output);
        Assert.Matches(@"│\s*5\s*│\s*1\.014383\.H13\s*│ Mã TTHC '1\.014383\.H13' có hậu tố địa phương", output);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal); // no ANSI codes when not a terminal

        var (secondExit, second) = workspace.Run(file);
        Assert.Equal(0, secondExit);
        Assert.Matches(@"Không đổi\s*│\s*1\s*│", second);
    }

    [Fact]
    public void A_file_that_is_not_a_danh_muc_exits_2_with_a_message()
    {
        var path = Path.Combine(workspace.Root, "bang-luong.csv");
        File.WriteAllText(path, "Họ tên,Chức vụ,Lương\nA,B,1\n");

        var (exit, output) = workspace.Run(path);

        Assert.Equal(ProcedureImportCommand.UsageError, exit);
        Assert.Contains("không phải danh mục TTHC", output, StringComparison.Ordinal);
        Assert.Contains("'Mã TTHC'", output, StringComparison.Ordinal);
        Assert.Empty(workspace.WrittenFiles());
    }

    [Fact]
    public void A_file_that_cannot_be_read_exits_2()
    {
        var fake = Path.Combine(workspace.Root, "hong.xlsx");
        File.WriteAllText(fake, "đây không phải tệp Excel");

        var (exit, output) = workspace.Run(fake);
        Assert.Equal(2, exit);
        Assert.Contains("Không đọc được tệp 'hong.xlsx'", output, StringComparison.Ordinal);

        var (missingExit, missing) = workspace.Run(Path.Combine(workspace.Root, "khong-co.csv"));
        Assert.Equal(2, missingExit);
        Assert.Contains("Không tìm thấy tệp", missing, StringComparison.Ordinal);

        var (pdfExit, pdf) = workspace.Run(Path.Combine(workspace.Root, "quyet-dinh.pdf"));
        Assert.Equal(2, pdfExit);
        Assert.Contains("Chỉ nhận tệp .csv hoặc .xlsx", pdf, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "thiếu tệp danh mục")]
    [InlineData(new[] { "dm.csv", "--source", "x" }, "thiếu --published-by")]
    [InlineData(new[] { "dm.csv", "--published-by", "QĐ" }, "thiếu --source")]
    [InlineData(new[] { "dm.csv", "--published-by", "QĐ", "--source", "x", "--level", "phuong" }, "--level 'phuong' không hợp lệ")]
    [InlineData(new[] { "dm.csv", "--published-by", "QĐ", "--source", "x", "--cap", "xa" }, "tùy chọn không được hỗ trợ: '--cap'")]
    [InlineData(new[] { "dm.csv", "--published-by" }, "tùy chọn --published-by cần một giá trị")]
    [InlineData(new[] { "a.csv", "b.csv", "--published-by", "QĐ", "--source", "x" }, "thừa tham số 'b.csv'")]
    public void Usage_errors_exit_2_with_the_reason_and_the_usage(string[] args, string reason)
    {
        var (exit, output) = workspace.RunRaw(args);

        Assert.Equal(ProcedureImportCommand.UsageError, exit);
        Assert.Contains(reason, output, StringComparison.Ordinal);
        Assert.Contains("Cách dùng: dotnet run --project src/TayNinhCchc.Web -- import-tthc", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Level_and_field_options_accept_several_levels_and_the_equals_form()
    {
        var file = workspace.WriteCsv("phang.csv", ["1,2.000843,Chứng thực bản sao,,,,,,,"]);

        var (exit, _) = workspace.Run(file, "--level=xa,huyen", "--field", "Chứng thực");

        Assert.Equal(0, exit);
        var procedure = workspace.Load("2.000843");
        Assert.Equal([TayNinhCchc.Web.Content.DeployLevel.District, TayNinhCchc.Web.Content.DeployLevel.Commune], procedure.Levels);
    }

    [Fact]
    public void A_missing_content_folder_exits_2()
    {
        var file = workspace.WriteCsv("dm.csv", ["1,2.000843,Chứng thực bản sao,,,,,,,"]);

        var (exit, output) = workspace.RunRaw(file, "--published-by", "QĐ", "--source", "x", "--content", Path.Combine(workspace.Root, "khong-co"));

        Assert.Equal(2, exit);
        Assert.Contains("không tìm thấy thư mục nội dung", output, StringComparison.Ordinal);
    }
}
