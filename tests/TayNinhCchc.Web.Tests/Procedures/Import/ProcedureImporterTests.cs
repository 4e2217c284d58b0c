using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Procedures;
using TayNinhCchc.Web.Procedures.Import;

namespace TayNinhCchc.Web.Tests.Procedures.Import;

public sealed class ProcedureImporterTests : IDisposable
{
    private readonly ImportWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    private static readonly string[] GroupedRows =
    [
        ",A. THỦ TỤC HÀNH CHÍNH CẤP TỈNH (02 TTHC),,,,,,,,",
        ",I LĨNH VỰC CHỨNG THỰC (02 TTHC),,,,,,,,",
        "1,2.000815,Chứng thực bản sao từ bản chính,\"Trong thời hạn 05 ngày làm việc, kể từ ngày nhận đủ hồ sơ\",Sở Tư pháp,Một phần,Sở Tư pháp,50.000 đồng/hồ sơ,Nghị định 23/2015/NĐ-CP,",
        ",B. THỦ TỤC HÀNH CHÍNH CẤP XÃ,,,,,,,,",
        "1,2.000884,Chứng thực chữ ký,Trong ngày,UBND cấp xã,,UBND cấp xã,10.000 đồng/trường hợp,,",
        ",\"Lĩnh vực: Hộ tịch — Cấp thực hiện: Cấp xã\",,,,,,,,",
        "1,1.001193,Thủ tục đăng ký khai sinh,Trực tuyến: 1; Trực tiếp: 1,,,Không có thông tin,Trực tuyến: Miễn phí; Trực tiếp: Miễn phí,,",
        ",V.1 Thủ tục hành chính dùng chung cho cấp tỉnh và cấp huyện (01 TTHC),,,,,,,,",
        "1,1.004583,Đăng ký thế chấp quyền sử dụng đất,Trong ngày,Văn phòng đăng ký đất đai,Mức độ DVC: 2; Thực hiện qua BCCI: Có,,80.000 đồng/hồ sơ,,",
        ",I.1 Thủ tục hành chính áp dụng chung (01 TTHC),,,,,,,,",
        "1,2.000843,Chứng thực bản sao giấy tờ nước ngoài,Trong ngày,UBND cấp xã,,,,,",
    ];

    [Fact]
    public void Group_rows_set_level_and_field_for_the_rows_below()
    {
        var file = workspace.WriteCsv("nhom.csv", GroupedRows);

        var report = workspace.Import(file, levels: ["huyen", "xa"]);

        Assert.Empty(report.Rejected);
        Assert.Equal(5, report.Count(ImportOutcome.Created));
        Assert.Equal([DeployLevel.Province], workspace.Load("2.000815").Levels);
        Assert.Equal("Chứng thực", workspace.Load("2.000815").Field); // "LĨNH VỰC CHỨNG THỰC (02 TTHC)"
        Assert.Equal([DeployLevel.Commune], workspace.Load("2.000884").Levels);
        Assert.Equal("Chứng thực", workspace.Load("2.000884").Field); // a level heading keeps the field
        Assert.Equal("Hộ tịch", workspace.Load("1.001193").Field);
        Assert.Equal([DeployLevel.Commune], workspace.Load("1.001193").Levels);
        Assert.Equal([DeployLevel.Province, DeployLevel.District], workspace.Load("1.004583").Levels);
        Assert.Equal([DeployLevel.District, DeployLevel.Commune], workspace.Load("2.000843").Levels); // "áp dụng chung" → --level
    }

    [Fact]
    public void Field_and_level_come_from_the_command_line_when_the_file_has_no_group_rows()
    {
        var file = workspace.WriteCsv("phang.csv", ["1,2.000908,Cấp bản sao từ sổ gốc,Trong ngày,,,,Không,,"]);

        var report = workspace.Import(file, field: "Chứng thực", levels: ["xa"]);

        Assert.Empty(report.Rejected);
        var procedure = workspace.Load("2.000908");
        Assert.Equal("Chứng thực", procedure.Field);
        Assert.Equal([DeployLevel.Commune], procedure.Levels);
    }

    [Fact]
    public void Every_malformed_row_is_rejected_with_its_line_and_reason_and_writes_nothing()
    {
        var file = workspace.WriteCsv("loi.csv",
        [
            ",THỦ TỤC HÀNH CHÍNH CẤP XÃ,,,,,,,,",                                              // line 2
            ",Lĩnh vực Chứng thực,,,,,,,,",                                                     // line 3
            "1,2.000884,Chứng thực chữ ký,Trong ngày,\"Nộp trực tiếp\ntại UBND cấp xã\",,,,,", // lines 4-5
            "2,,Thủ tục không có mã,Trong ngày,,,,,,",                                          // line 6
            "3,1.014383.H13,Thủ tục có hậu tố,,,,,,,",                                          // line 7
            "4,3000410,Thủ tục mã thiếu dấu chấm,,,,,,,",                                      // line 8
            "5,\"1.001740; 1.001645\",Thủ tục hai mã,,,,,,,",                                   // line 9
            "6,1.00119,Thủ tục mã sai dạng,,,,,,,",                                             // line 10
            "7,2.000815,,Trong ngày,,,,,,",                                                     // line 11
            "8,2.000884,Chứng thực chữ ký (lặp lại),,,,,,,",                                   // line 12
            ",Một dòng chữ lạ,,,,,,,,",                                                         // line 13
        ]);

        var report = workspace.Import(file);

        Assert.Equal(["2.000884.md"], workspace.WrittenFiles());
        Assert.Equal(4, Assert.Single(report.Imported).Row);
        var reasons = report.Rejected.ToDictionary(row => row.Row, row => row.Reason);
        Assert.Equal([6, 7, 8, 9, 10, 11, 12, 13], reasons.Keys.Order());
        Assert.Equal("Thiếu mã TTHC.", reasons[6]);
        Assert.Contains("'1.014383.H13' có hậu tố địa phương ('.H13')", reasons[7], StringComparison.Ordinal);
        Assert.Contains("'3000410' thiếu dấu chấm", reasons[8], StringComparison.Ordinal);
        Assert.Contains("nhiều mã TTHC ('1.001740; 1.001645')", reasons[9], StringComparison.Ordinal);
        Assert.Contains("'1.00119' không đúng dạng d.dddddd", reasons[10], StringComparison.Ordinal);
        Assert.Equal("Thiếu tên thủ tục hành chính.", reasons[11]);
        Assert.Contains("trùng với dòng 4 của cùng tệp", reasons[12], StringComparison.Ordinal);
        Assert.Contains("không phải dòng nhóm", reasons[13], StringComparison.Ordinal);
    }

    [Fact]
    public void Row_without_level_or_field_is_rejected_with_both_reasons()
    {
        var file = workspace.WriteCsv("khong-nhom.csv", ["1,2.000908,Cấp bản sao từ sổ gốc,Trong ngày,,,,,,"]);

        var rejected = Assert.Single(workspace.Import(file).Rejected);

        Assert.Equal(2, rejected.Row);
        Assert.Contains("Không xác định được cấp thực hiện", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains("--level", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains("Không xác định được lĩnh vực", rejected.Reason, StringComparison.Ordinal);
        Assert.Empty(workspace.WrittenFiles());
    }

    [Fact]
    public void Importing_the_same_file_twice_changes_nothing_the_second_time()
    {
        var file = workspace.WriteCsv("nhom.csv", GroupedRows);
        workspace.Import(file, levels: ["xa"]);
        var before = workspace.WrittenFiles().ToDictionary(name => name, name => File.ReadAllBytes(workspace.ProcedurePath(name[..^3])));

        workspace.Time.Advance(TimeSpan.FromDays(3)); // a later day must not touch last_verified of unchanged files
        var second = workspace.Import(file, levels: ["xa"]);

        Assert.Equal(5, second.Count(ImportOutcome.Unchanged));
        Assert.Equal(0, second.Count(ImportOutcome.Created) + second.Count(ImportOutcome.Updated));
        Assert.Equal(before.Keys, workspace.WrittenFiles());
        foreach (var (name, bytes) in before)
        {
            Assert.Equal(bytes, File.ReadAllBytes(workspace.ProcedurePath(name[..^3])));
        }
    }

    [Fact]
    public void Reimport_updates_the_front_matter_and_keeps_the_body_and_hand_filled_fields()
    {
        var first = workspace.WriteCsv("v1.csv", [",CẤP XÃ,,,,,,,,", ",Lĩnh vực Hộ tịch,,,,,,,,", "1,1.001193,Đăng ký khai sinh,Trong ngày,,,,Miễn phí,,"]);
        workspace.Import(first);
        var path = workspace.ProcedurePath("1.001193");
        const string Body = "\n## Trình tự thực hiện\n\nBước 1: nộp hồ sơ.\n\n## Thành phần hồ sơ\n\n- Tờ khai.\n";
        var text = File.ReadAllText(path)
            .Replace("result: \"\"", "result: \"Giấy khai sinh\"", StringComparison.Ordinal)
            .Replace("audiences: []", "audiences:\n  - \"Công dân Việt Nam\"", StringComparison.Ordinal)
            .Replace("documents: []", "documents:\n  - name: \"Tờ khai đăng ký khai sinh\"\n    originals: 1\n    copies: 0\n    form: \"Mẫu TK-01\"", StringComparison.Ordinal);
        File.WriteAllText(path, text + Body);

        workspace.Time.Advance(TimeSpan.FromDays(10));
        var second = workspace.WriteCsv("v2.csv", [",CẤP XÃ,,,,,,,,", ",Lĩnh vực Hộ tịch,,,,,,,,", "1,1.001193,Đăng ký khai sinh,Trong ngày,,,,8.000 đồng,,"]);
        var report = workspace.Import(second);

        Assert.Equal(ImportOutcome.Updated, Assert.Single(report.Imported).Outcome);
        var written = File.ReadAllText(path);
        Assert.EndsWith("---\n" + Body, written, StringComparison.Ordinal);
        var procedure = workspace.Load("1.001193");
        Assert.Equal("8.000 đồng", procedure.Fee);
        Assert.Equal([8000L], procedure.FeeAmounts);
        Assert.Equal("Giấy khai sinh", procedure.Result);
        Assert.Equal(["Công dân Việt Nam"], procedure.Audiences);
        var document = Assert.Single(procedure.Documents);
        Assert.Equal(new RequiredDocument("Tờ khai đăng ký khai sinh", 1, 0, "Mẫu TK-01"), document);
        Assert.Equal(new DateOnly(2026, 12, 8), procedure.LastVerified);
        Assert.Contains("<h2 id=\"trinh-tu-thuc-hien\">", procedure.Body.Html, StringComparison.Ordinal);

        // And once more with the same file: nothing changes, the body included.
        var again = workspace.Import(second);
        Assert.Equal(ImportOutcome.Unchanged, Assert.Single(again.Imported).Outcome);
        Assert.Equal(written, File.ReadAllText(path));
    }

    [Fact]
    public void Empty_cell_keeps_a_hand_filled_value_of_the_same_decision_but_not_of_another()
    {
        var file = workspace.WriteCsv("trong.csv", [",CẤP XÃ,,,,,,,,", ",Lĩnh vực Hộ tịch,,,,,,,,", "1,1.000894,Đăng ký kết hôn,,,,,,,"]);
        workspace.Import(file);
        var path = workspace.ProcedurePath("1.000894");
        File.WriteAllText(path, File.ReadAllText(path).Replace("time_limit: \"\"", "time_limit: \"Ngay trong ngày\"", StringComparison.Ordinal));

        workspace.Import(file);
        Assert.Equal("Ngay trong ngày", workspace.Load("1.000894").TimeLimit);

        workspace.Import(file, publishedBy: "Quyết định số 1/QĐ-UBND ngày 01/12/2025 của Chủ tịch UBND tỉnh X");
        var procedure = workspace.Load("1.000894");
        Assert.Equal(string.Empty, procedure.TimeLimit);
        Assert.Equal("Quyết định số 1/QĐ-UBND ngày 01/12/2025 của Chủ tịch UBND tỉnh X", procedure.PublishedBy);
    }

    [Fact]
    public void An_older_decision_imported_later_does_not_take_back_a_newer_decisions_text()
    {
        var newer = workspace.WriteCsv("moi.csv", [",CẤP XÃ,,,,,,,,", ",Lĩnh vực Chứng thực,,,,,,,,", "1,2.001019,Chứng thực di chúc,,,,,50.000 đồng/ giao dịch,,"]);
        workspace.Import(newer); // QĐ 2770 ngày 18/11/2025
        var bytes = File.ReadAllBytes(workspace.ProcedurePath("2.001019"));
        var older = workspace.WriteCsv("cu.csv", [",CẤP XÃ,,,,,,,,", ",Lĩnh vực Chứng thực,,,,,,,,", "1,2.001019,Thủ tục chứng thực di chứng,,,,,50.000 đồng/trường hợp,,"]);

        var report = workspace.Import(older, publishedBy: "Quyết định số 1766/QĐ-UBND ngày 03/8/2020 của Chủ tịch UBND tỉnh Bình Thuận");

        Assert.Equal(ImportOutcome.KeptNewer, Assert.Single(report.Imported).Outcome);
        Assert.Equal(bytes, File.ReadAllBytes(workspace.ProcedurePath("2.001019")));
    }

    [Theory]
    [InlineData("Quyết định số 2770/QĐ-UBND ngày 18/11/2025 của Chủ tịch UBND tỉnh Đồng Nai", "2025-11-18")]
    [InlineData("Quyết định số 1766/QĐ-UBND ngày 03/8/2020 của Chủ tịch UBND tỉnh Bình Thuận", "2020-08-03")]
    [InlineData("Quyết định số 12/QĐ-UBND ngày 5 tháng 1 năm 2024", "2024-01-05")]
    [InlineData("Quyết định số 163/QĐ-BTP của Bộ Tư pháp (chưa rõ ngày ban hành)", null)]
    [InlineData("Quyết định ngày 31/02/2025", null)]
    public void Decision_date_is_read_from_the_citation(string publishedBy, string? expected) =>
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            ProcedureImporter.DecisionDate(publishedBy));

    [Fact]
    public void A_code_already_in_a_file_with_another_name_is_updated_there_not_duplicated()
    {
        var folder = Path.Combine(workspace.ContentRoot, ContentLoader.ProcedureFolder);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "khai-sinh.md"),
            "---\ncode: \"1.001193\"\nname: Khai sinh\nfield: Hộ tịch\nlevels: [xa]\npublished_by: Cũ\nsource: Cũ\n---\nThân bài viết tay.\n");
        var file = workspace.WriteCsv("ks.csv", [",CẤP XÃ,,,,,,,,", ",Lĩnh vực Hộ tịch,,,,,,,,", "1,1.001193,Đăng ký khai sinh,,,,,,,"]);

        var report = workspace.Import(file);

        var row = Assert.Single(report.Imported);
        Assert.Equal(ImportOutcome.Updated, row.Outcome);
        Assert.True(row.DecisionChanged);
        Assert.Equal(["khai-sinh.md"], workspace.WrittenFiles());
        var text = File.ReadAllText(Path.Combine(folder, "khai-sinh.md"));
        Assert.Contains("name: \"Đăng ký khai sinh\"", text, StringComparison.Ordinal);
        Assert.EndsWith("---\nThân bài viết tay.\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_are_copied_verbatim_and_text_that_needs_quoting_survives_the_round_trip()
    {
        var file = workspace.WriteCsv("dac-biet.csv",
        [
            ",CẤP TỈNH,,,,,,,,",
            ",Lĩnh vực Luật sư,,,,,,,,",
            "1,1.002010,\"Đăng ký: \"\"tổ chức\"\" hành nghề # luật sư \\ C:\\\",\"  Trong thời hạn 05 ngày làm việc, kể từ ngày nhận đủ hồ sơ  \"," +
                "\"- Nộp trực tiếp tại Trung tâm: tầng 1\n---\n- Nộp trực tuyến: https://dichvucong.gov.vn   \n\n- Không nộp qua bưu chính\"," +
                "Toàn trình,\"Cơ quan giải quyết: Sở Tư pháp\",50.000 đồng/hồ sơ,\"- Luật Luật sư 2006; - Nghị định 123/2013/NĐ-CP.\n+ Thông tư 02/2015/TT-BTP;\",Ghi chú",
        ]);

        var report = workspace.Import(file);

        Assert.Empty(report.Rejected);
        var procedure = workspace.Load("1.002010");
        Assert.Equal("Đăng ký: \"tổ chức\" hành nghề # luật sư \\ C:\\", procedure.Name);
        Assert.Equal("Trong thời hạn 05 ngày làm việc, kể từ ngày nhận đủ hồ sơ", procedure.TimeLimit);
        Assert.Equal(5, procedure.TimeLimitWorkingDays);
        Assert.Equal("- Nộp trực tiếp tại Trung tâm: tầng 1\n---\n- Nộp trực tuyến: https://dichvucong.gov.vn   \n\n- Không nộp qua bưu chính", procedure.Place);
        Assert.Equal([SubmissionChannel.InPerson, SubmissionChannel.Online], procedure.Channels); // "Không nộp qua bưu chính"
        Assert.Equal(OnlineLevel.Full, procedure.OnlineLevel);
        Assert.Null(procedure.LegacyOnlineLevel);
        Assert.Equal("Cơ quan giải quyết: Sở Tư pháp", procedure.AgencyText);
        Assert.Empty(procedure.Agencies); // never mapped onto a Tây Ninh agency code
        Assert.Equal([50000L], procedure.FeeAmounts);
        Assert.Equal(["Luật Luật sư 2006", "Nghị định 123/2013/NĐ-CP.", "Thông tư 02/2015/TT-BTP"], procedure.LegalBasis);
        Assert.Equal(ImportWorkspace.PublishedBy, procedure.PublishedBy);
        Assert.Equal(ImportWorkspace.Source, procedure.Source);
        Assert.Equal(new DateOnly(2026, 11, 28), procedure.LastVerified);
        Assert.Equal(string.Empty, procedure.Body.Html.Trim());
    }

    [Fact]
    public void Written_files_load_through_the_content_loader_without_problems()
    {
        var file = workspace.WriteCsv("nhom.csv", GroupedRows);
        workspace.Import(file, levels: ["xa"]);

        var snapshot = new ContentLoader(new MarkdownRenderer()).Load(workspace.ContentRoot, ContentSnapshot.Empty, DateTime.UtcNow);

        Assert.Empty(snapshot.Problems);
        Assert.Equal(5, snapshot.Procedures.All.Count);
    }

    [Fact]
    public void Csv_with_a_byte_order_mark_is_read()
    {
        var file = workspace.WriteCsv("bom.csv", [",Lĩnh vực: Hộ tịch — Cấp thực hiện: Cấp xã,,,,,,,,", "1,1.000656,Thủ tục đăng ký khai tử,,,,,,,"], bom: true);
        Assert.Equal(0xEF, File.ReadAllBytes(file)[0]);

        var table = DanhMucTable.Read(file, out var error);

        Assert.Null(error);
        Assert.NotNull(table);
        Assert.Equal(0, table.Columns[DanhMucColumn.Number]);
        Assert.Empty(workspace.Import(file).Rejected);
        Assert.Equal("Thủ tục đăng ký khai tử", workspace.Load("1.000656").Name);
    }

    [Fact]
    public void Xlsx_first_sheet_is_read_with_the_header_found_below_a_title_block()
    {
        var path = Path.Combine(workspace.Root, "danh-muc.xlsx");
        static Dictionary<string, object?> Row(params object?[] cells) =>
            Enumerable.Range(0, 10).ToDictionary(i => ((char)('A' + i)).ToString(), i => i < cells.Length ? cells[i] : null);
        var sheet = new List<Dictionary<string, object?>>
        {
            Row("DANH MỤC THỦ TỤC HÀNH CHÍNH"),                                                     // row 1
            Row("(Kèm theo Quyết định số …/QĐ-UBND)"),                                              // row 2
            Row(),                                                                                  // row 3
            Row("STT", "Mã TTHC", "Tên thủ tục hành chính", "Thời hạn giải quyết", "Địa điểm thực hiện",
                "Dịch vụ công trực tuyến", "Cơ quan thực hiện", "Phí, lệ phí", "Căn cứ pháp lý", "Ghi chú"), // row 4
            Row("I", null, "THỦ TỤC HÀNH CHÍNH CẤP XÃ"),                                            // row 5
            Row(null, "1. Lĩnh vực Chứng thực"),                                                    // row 6
            Row(1, "2.001035", "Chứng thực giao dịch liên quan đến tài sản", "Không quá 02 ngày làm việc",
                "Nộp trực tiếp hoặc qua dịch vụ bưu chính", "Mức độ 3", "UBND cấp xã", "50.000 đồng/giao dịch", "Nghị định 23/2015/NĐ-CP"), // row 7
            Row(2, "1.014383.H13", "Mã có hậu tố"),                                                 // row 8
        };
        var other = new List<Dictionary<string, object?>> { Row("STT", "Mã TTHC", "Tên thủ tục hành chính"), Row(1, "9.999999", "Không được đọc") };
        MiniExcelLibs.MiniExcel.SaveAs(path, new Dictionary<string, object> { ["Danh mục"] = sheet, ["Trang khác"] = other }, printHeader: false);

        var table = DanhMucTable.Read(path, out var error);
        Assert.Null(error);
        Assert.Equal(4, Assert.IsType<DanhMucTable>(table).HeaderRow);

        var report = workspace.Import(path);

        var imported = Assert.Single(report.Imported);
        Assert.Equal((7, "2.001035"), (imported.Row, imported.Code));
        var rejected = Assert.Single(report.Rejected);
        Assert.Equal(8, rejected.Row);
        Assert.Contains("hậu tố địa phương", rejected.Reason, StringComparison.Ordinal);
        var procedure = workspace.Load("2.001035");
        Assert.Equal([DeployLevel.Commune], procedure.Levels);
        Assert.Equal("Chứng thực", procedure.Field);
        Assert.Equal(2, procedure.TimeLimitWorkingDays);
        Assert.Equal(3, procedure.LegacyOnlineLevel);
        Assert.Equal([SubmissionChannel.InPerson, SubmissionChannel.Post], procedure.Channels);
        Assert.False(File.Exists(workspace.ProcedurePath("9.999999")));
    }

    [Fact]
    public void A_file_that_is_not_a_danh_muc_is_refused()
    {
        var path = Path.Combine(workspace.Root, "nhan-su.csv");
        File.WriteAllText(path, "Họ tên,Địa chỉ\nNguyễn Văn A,Tây Ninh\n");

        Assert.Null(DanhMucTable.Read(path, out var error));
        Assert.Contains("không phải danh mục TTHC", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decision_with_notes_and_a_code_at_two_levels_keeps_the_notes_and_both_levels()
    {
        var file = workspace.WriteCsv("hai-cap.csv",
        [
            ",A. THỦ TỤC HÀNH CHÍNH CẤP TỈNH,,,,,,,,",
            ",I. Lĩnh vực Quản lý công sản,,,,,,,,",
            "1,1.012994,Khấu trừ kinh phí bồi thường,Trong thời hạn 15 ngày làm việc,Trung tâm Phục vụ hành chính công tỉnh,,Sở Tài chính,,,Thời hạn cắt giảm từ 20 ngày xuống 15 ngày theo QĐ 100/QĐ-UBND",
            ",B. THỦ TỤC HÀNH CHÍNH CẤP XÃ,,,,,,,,",
            ",I. Lĩnh vực Quản lý công sản,,,,,,,,",
            "1,1.012994,Khấu trừ kinh phí bồi thường,Trong thời hạn 15 ngày làm việc,Trung tâm Phục vụ hành chính công xã,,UBND cấp xã,,,",
            ",C. THỦ TỤC HÀNH CHÍNH ÁP DỤNG CHUNG,,,,,,,,",
            "1,2.000908,Cấp bản sao từ sổ gốc,Trong ngày,\"Trung tâm phục vụ hành chính công của tỉnh; của các xã, phường\",,,,,",
            ",D. THỦ TỤC HÀNH CHÍNH CẤP XÃ,,,,,,,,",
            "1,1.001193,Thủ tục đăng ký khai sinh,Trực tuyến: 1; Trực tiếp: 1,,,,Miễn phí,,",
        ]);

        var report = workspace.Import(file, field: "Hộ tịch", levels: ["xa"]);

        Assert.Empty(report.Rejected);
        Assert.Equal(3, report.Count(ImportOutcome.Created));
        var twoLevels = workspace.Load("1.012994");
        Assert.Equal([DeployLevel.Province, DeployLevel.Commune], twoLevels.Levels);
        Assert.Equal("Thời hạn cắt giảm từ 20 ngày xuống 15 ngày theo QĐ 100/QĐ-UBND", twoLevels.Notes);
        Assert.Equal("Cấp tỉnh:\nTrung tâm Phục vụ hành chính công tỉnh\nCấp xã:\nTrung tâm Phục vụ hành chính công xã", twoLevels.Place);
        Assert.Equal("Cấp tỉnh:\nSở Tài chính\nCấp xã:\nUBND cấp xã", twoLevels.AgencyText);
        Assert.Equal("Trong thời hạn 15 ngày làm việc", twoLevels.TimeLimit);
        Assert.Equal(15, twoLevels.TimeLimitWorkingDays);

        // "Áp dụng chung": the places the row names (tỉnh and xã) as well as --level.
        Assert.Equal([DeployLevel.Province, DeployLevel.Commune], workspace.Load("2.000908").Levels);

        // A number without its unit is kept as a plain "not published" reason, never as a time limit.
        var bare = workspace.Load("1.001193");
        Assert.Equal(string.Empty, bare.TimeLimit);
        Assert.Contains("“Trực tuyến: 1; Trực tiếp: 1” nhưng không ghi đơn vị", bare.NotPublishedReason("time_limit"), StringComparison.Ordinal);

        // And the same file again changes nothing.
        var before = workspace.WrittenFiles().ToDictionary(name => name, name => File.ReadAllBytes(workspace.ProcedurePath(name[..^3])));
        workspace.Time.Advance(TimeSpan.FromDays(1));
        var again = workspace.Import(file, field: "Hộ tịch", levels: ["xa"]);
        Assert.Equal(3, again.Count(ImportOutcome.Unchanged));
        foreach (var (name, bytes) in before)
        {
            Assert.Equal(bytes, File.ReadAllBytes(workspace.ProcedurePath(name[..^3])));
        }
    }

    [Fact]
    public void A_later_danh_muc_that_states_the_time_limit_replaces_the_not_published_reason()
    {
        var first = workspace.WriteCsv("v1.csv", [",CẤP XÃ,,,,,,,,", "1,1.001193,Thủ tục đăng ký khai sinh,1,,,,Miễn phí,,"]);
        workspace.Import(first, field: "Hộ tịch");
        Assert.NotNull(workspace.Load("1.001193").NotPublishedReason("time_limit"));

        var second = workspace.WriteCsv("v2.csv", [",CẤP XÃ,,,,,,,,", "1,1.001193,Thủ tục đăng ký khai sinh,Trong ngày,,,,Miễn phí,,"]);
        workspace.Import(second, field: "Hộ tịch");

        var procedure = workspace.Load("1.001193");
        Assert.Equal("Trong ngày", procedure.TimeLimit);
        Assert.Null(procedure.NotPublishedReason("time_limit"));
    }
}
