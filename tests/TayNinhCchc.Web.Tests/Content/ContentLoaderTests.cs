using TayNinhCchc.Web.Content;

namespace TayNinhCchc.Web.Tests.Content;

public sealed class ContentLoaderTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 28, 0, 0, 0, DateTimeKind.Utc);
    private readonly ContentFolder folder = new();
    private readonly ContentLoader loader = new(new MarkdownRenderer());

    public void Dispose() => folder.Dispose();

    private ContentSnapshot Load(ContentSnapshot? previous = null) => loader.Load(folder.Root, previous ?? ContentSnapshot.Empty, Now);

    [Fact]
    public void Valid_folder_loads_without_problems()
    {
        var snapshot = Load();

        Assert.Empty(snapshot.Problems);
        Assert.Equal(4, snapshot.Agencies.Count);
        Assert.Equal("Kế hoạch thử", snapshot.Plan?.Title);
        Assert.Equal(2, snapshot.Appendix?.Tasks.Count);
        Assert.Single(snapshot.News);
    }

    [Fact]
    public void Bad_yaml_in_front_matter_is_reported_with_file_and_line()
    {
        folder.Write("tin-tuc/hong.md", "---\ntitle: Bài hỏng\ndate: 2021-01-01\nsummary: [chưa đóng\nsource: x\n---\nThân bài\n");

        var snapshot = Load();

        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal("tin-tuc/hong.md", problem.Path);
        Assert.InRange(problem.Line, 4, 6);
        Assert.Contains("YAML", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(snapshot.News, article => article.Slug == "hong");
        Assert.Contains(snapshot.News, article => article.Slug == "bai-mot");
    }

    [Fact]
    public void Missing_required_field_names_the_field_and_the_line()
    {
        folder.Write("tin-tuc/thieu.md", "---\ntitle: Thiếu tóm tắt\ndate: 2021-01-01\nsource: x\n---\nThân\n");

        var problem = Assert.Single(Load().Problems);

        Assert.Equal("tin-tuc/thieu.md:2: Thiếu trường bắt buộc 'summary'.", problem.ToString());
    }

    [Fact]
    public void Unknown_agency_code_is_reported_on_its_own_line()
    {
        folder.Write("tin-tuc/co-quan-la.md", ContentFolder.Article("Cơ quan lạ", "2021-01-01", "agency: so-khong-co\n"));

        var problem = Assert.Single(Load().Problems);

        Assert.Equal("tin-tuc/co-quan-la.md", problem.Path);
        Assert.Equal(7, problem.Line);
        Assert.Contains("'so-khong-co'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_lead_agency_in_the_appendix_is_reported_with_its_line()
    {
        folder.Write("ke-hoach/nhiem-vu-2021.yml", ContentFolder.Appendix.Replace("lead: [cac-so-nganh]", "lead: [so-gia]", StringComparison.Ordinal));

        var snapshot = Load();

        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal("ke-hoach/nhiem-vu-2021.yml:16: Mã cơ quan không có trong danh mục co-quan.yml: 'so-gia'.", problem.ToString());
        Assert.Single(snapshot.Appendix!.Tasks);
    }

    [Fact]
    public void Duplicate_slug_keeps_the_first_file_and_reports_the_second()
    {
        folder.Write("tin-tuc/bai-hai.md", ContentFolder.Article("Bài hai", "2021-01-02", "slug: bai-mot\n"));

        var snapshot = Load();

        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal("tin-tuc/bai-mot.md", problem.Path);
        Assert.Contains("Trùng", problem.Message, StringComparison.Ordinal);
        Assert.Single(snapshot.News);
    }

    [Theory]
    [InlineData("2021-13-01")]
    [InlineData("16/11/2020")]
    [InlineData("hôm qua")]
    public void Bad_date_is_reported_with_the_value_and_line(string date)
    {
        folder.Write("tin-tuc/ngay-sai.md", ContentFolder.Article("Ngày sai", date));

        var problem = Assert.Single(Load().Problems);

        Assert.Equal(3, problem.Line);
        Assert.Contains(date, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_field_is_rejected_rather_than_ignored()
    {
        folder.Write("tin-tuc/go-sai.md", ContentFolder.Article("Gõ sai", "2021-01-01", "tittle: x\n"));

        var problem = Assert.Single(Load().Problems);

        Assert.Equal("tin-tuc/go-sai.md:7: Trường không được hỗ trợ: 'tittle'.", problem.ToString());
    }

    [Fact]
    public void File_without_front_matter_is_reported_on_line_one()
    {
        folder.Write("tin-tuc/khong-front-matter.md", "# Chỉ có thân bài\n");

        var problem = Assert.Single(Load().Problems);

        Assert.Equal(1, problem.Line);
    }

    [Fact]
    public void Image_without_alt_text_is_a_problem()
    {
        folder.Write("tin-tuc/anh.md", ContentFolder.Article("Ảnh", "2021-01-01", "image: /tin-tuc/anh/x.svg\n"));

        var problem = Assert.Single(Load().Problems);

        Assert.Contains("image_alt", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Author_html_is_sanitised()
    {
        const string body = "Chào <script>alert('x')</script> bạn.\n\n<img src=\"/a.png\" onerror=\"alert(1)\" alt=\"a\">\n\n[bấm](javascript:alert(1))";
        folder.Write("tin-tuc/xss.md", ContentFolder.Article("XSS", "2021-01-01", body: body));

        var html = Load().NewsBySlug["xss"].Body.Html;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert('x')", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Chào", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_scroll_inside_a_keyboard_reachable_box()
    {
        folder.Write("tin-tuc/bang.md", ContentFolder.Article("Bảng", "2021-01-01", body: "| A | B |\n|---|---|\n| 1 | 2 |\n"));

        var html = Load().NewsBySlug["bang"].Body.Html;

        Assert.Contains("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\"", html, StringComparison.Ordinal);
        Assert.Contains("</table></div>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_get_vietnamese_slug_ids_and_a_table_of_contents()
    {
        var plan = Load().Plan!;

        Assert.Contains("id=\"i-muc-tieu\"", plan.Body.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"1-dang-ky-khai-sinh\"", plan.Body.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"1-dang-ky-khai-sinh-2\"", plan.Body.Html, StringComparison.Ordinal);
        Assert.Equal(["i-muc-tieu", "1-dang-ky-khai-sinh", "1-dang-ky-khai-sinh-2"], plan.Body.Toc.Select(entry => entry.Id));
    }

    [Fact]
    public void A_broken_edit_keeps_the_last_good_version_of_the_page()
    {
        var good = Load();
        folder.Write("tin-tuc/bai-mot.md", "---\ntitle: Bài một sửa\ndate: 2021-02-30\nsummary: x\nsource: x\n---\n");

        var next = Load(good);

        Assert.Single(next.Problems);
        Assert.Equal("Bài một", next.NewsBySlug["bai-mot"].Title);

        folder.Write("tin-tuc/bai-mot.md", ContentFolder.Article("Bài một sửa", "2021-02-28"));
        var fixedSnapshot = Load(next);
        Assert.Empty(fixedSnapshot.Problems);
        Assert.Equal("Bài một sửa", fixedSnapshot.NewsBySlug["bai-mot"].Title);
    }

    [Fact]
    public void A_broken_agency_directory_keeps_the_last_good_directory()
    {
        var good = Load();
        folder.Write("co-quan.yml", ContentFolder.Agencies + "\n  - code: THIEU-TEN\n");

        var next = Load(good);

        Assert.NotEmpty(next.Problems);
        Assert.Equal(4, next.Agencies.Count);
        Assert.All(next.Problems, problem => Assert.Equal("co-quan.yml", problem.Path));
    }

    [Fact]
    public void Agency_register_checks_codes_parents_links_overlaps_and_groups()
    {
        folder.Write("co-quan.yml", """
            agencies:
              - code: a
                name: A
                short_name: A
                level: tinh
                kind: so-ban-nganh
                receives_dossiers: true
                parent: khong-co
                valid_to: 2025-06-30
                successors: chua-ro
                source: x
              - code: a
                name: A sau
                short_name: A
                level: tinh
                kind: so-ban-nganh
                receives_dossiers: true
                valid_from: 2025-06-01
                predecessors:
                  - { code: khong-co-tien-than, date: 2025-06-01, source: x }
                source: x
              - code: b
                name: B
                short_name: B
                level: vung
                kind: so-ban-nganh
                receives_dossiers: true
                valid_from: 2025-07-01
                valid_to: 2025-06-30
                successors: chua-ro
                source: x
              - code: c
                name: C
                short_name: C
                level: tinh
                kind: so-ban-nganh
                receives_dossiers: true
                valid_to: 2025-06-30
                source: x
              - code: d
                name: D
                short_name: D
                level: tinh
                kind: khac
                receives_dossiers: true
                successors:
                  - { code: khong-co-ke-thua, source: x }
                dates_note: ngày kết thúc chưa rõ
                source: x
              - code: e
                name: E
                short_name: E
                level: huyen
                kind: ubnd-huyen
                receives_dossiers: true
                source: x
              - code: f
                name: F
                short_name: F
                level: tinh
                kind: so-ban-nganh
                valid_to: 2025-06-30
                successors: khong-biet
                source: x
            """);

        var messages = Load().Problems.Where(problem => problem.Path == "co-quan.yml").Select(problem => problem.ToString()).ToList();

        Assert.Contains(messages, message => message.StartsWith("co-quan.yml:12: Cơ quan 'a': hai bản ghi cùng mã cùng có hiệu lực ngày 01/06/2025 (dòng 2 và dòng 12)", StringComparison.Ordinal));
        Assert.Contains(messages, message => message.StartsWith("co-quan.yml:2: Cơ quan 'a': mã cơ quan cấp trên 'khong-co'", StringComparison.Ordinal));
        Assert.Contains(messages, message => message.StartsWith("co-quan.yml:12: Cơ quan 'a': mã cơ quan tiền thân 'khong-co-tien-than' không có", StringComparison.Ordinal));
        Assert.Contains(messages, message => message.StartsWith("co-quan.yml:25: Cấp 'vung' không hợp lệ", StringComparison.Ordinal));
        Assert.Contains(messages, message => message.StartsWith("co-quan.yml:22: Cơ quan 'b': ngày hết hiệu lực (30/06/2025) trước ngày bắt đầu (01/07/2025)", StringComparison.Ordinal));
        Assert.Contains(messages, message => message.StartsWith("co-quan.yml:32: Cơ quan 'c' kết thúc ngày 30/06/2025 nhưng không ghi cơ quan kế thừa", StringComparison.Ordinal));
        Assert.Contains(messages, message => message.StartsWith("co-quan.yml:40: Cơ quan 'd': mã cơ quan kế thừa 'khong-co-ke-thua' không có", StringComparison.Ordinal));
        Assert.Contains(messages, message => message.StartsWith("co-quan.yml:40: Cơ quan 'd' nhận hồ sơ (receives_dossiers: true) nhưng loại 'khac' không thuộc nhóm kết quả nào", StringComparison.Ordinal));
        Assert.Contains(messages, message => message.StartsWith("co-quan.yml:50: Cơ quan 'e' nhận hồ sơ nhưng nhóm kết quả «UBND cấp huyện» không còn từ ngày 01/07/2025", StringComparison.Ordinal));
        Assert.Contains(messages, message => message.StartsWith("co-quan.yml:57: Thiếu trường bắt buộc 'receives_dossiers'", StringComparison.Ordinal));
        Assert.Contains(messages, message => message.StartsWith("co-quan.yml:63: Trường 'successors' là danh sách", StringComparison.Ordinal));
    }

    [Fact]
    public void Same_code_may_have_consecutive_records_and_the_latest_names_the_agency()
    {
        folder.Write("co-quan.yml", """
            agencies:
              - code: a
                name: A cũ
                short_name: A
                level: tinh
                kind: so-ban-nganh
                receives_dossiers: true
                valid_to: 2025-06-30
                source: x
              - code: a
                name: A mới
                short_name: A
                level: tinh
                kind: so-ban-nganh
                receives_dossiers: true
                valid_from: 2025-07-01
                source: y
            """);

        var snapshot = Load();

        Assert.DoesNotContain(snapshot.Problems, problem => problem.Path == "co-quan.yml");
        Assert.Equal(2, snapshot.AgencyRecords.Count);
        Assert.Single(snapshot.Agencies);
        Assert.Equal("A mới", snapshot.AgenciesByCode["a"].Name);
        Assert.Equal("A cũ", snapshot.AgencyOn("a", new DateOnly(2025, 6, 30))!.Name);
        Assert.Equal("A mới", snapshot.AgencyOn("a", new DateOnly(2025, 7, 1))!.Name);
    }

    [Theory]
    [InlineData("ubnd-tinh", "2025-06-30", true)]
    [InlineData("ubnd-tinh", "2025-07-01", false)]
    [InlineData("ubnd-huyen-go-dau", "2021-01-01", true)]
    [InlineData("ubnd-huyen-go-dau", "2026-11-28", false)]
    [InlineData("ubnd-tinh-tay-ninh-2025", "2025-06-30", false)]
    [InlineData("ubnd-tinh-tay-ninh-2025", "2025-07-01", true)]
    [InlineData("so-noi-vu", "1990-01-01", true)]
    public void Agencies_hold_both_eras_by_their_validity_dates(string code, string date, bool valid)
    {
        var agency = Load().AgenciesByCode[code];

        Assert.Equal(valid, agency.IsValidOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Appendix_sums_items_beside_the_stated_total_without_correcting_it()
    {
        var appendix = Load().Appendix!;

        Assert.Equal(1000, appendix.StatedTotal);
        Assert.Equal(900, appendix.SumOfItems);
        Assert.Equal(new DateRange(new DateOnly(2021, 4, 1), new DateOnly(2021, 6, 30)), appendix.Tasks[0].DeadlineRange);
        Assert.Equal([DeployLevel.Province, DeployLevel.District], appendix.Tasks[0].Levels);
    }

    [Fact]
    public void Budget_with_thousand_separators_is_rejected_with_a_clear_message()
    {
        folder.Write("ke-hoach/nhiem-vu-2021.yml", ContentFolder.Appendix.Replace("budget: 300", "budget: 300.000", StringComparison.Ordinal));

        var problem = Assert.Single(Load().Problems);

        Assert.Equal(11, problem.Line);
        Assert.Contains("số nguyên", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Drafts_and_scheduled_articles_are_loaded_but_not_published()
    {
        folder.Write("tin-tuc/nhap.md", ContentFolder.Article("Nháp", "2021-01-01", "draft: true\n"));
        folder.Write("tin-tuc/hen-gio.md", ContentFolder.Article("Hẹn giờ", "2021-01-01", "publish_at: 2026-12-01T08:00\n"));

        var snapshot = Load();

        Assert.Empty(snapshot.Problems);
        Assert.Equal(["bai-mot"], snapshot.PublishedNews(Now).Select(article => article.Slug));
        Assert.Contains("hen-gio", snapshot.PublishedNews(new DateTime(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc)).Select(article => article.Slug));
        Assert.DoesNotContain("hen-gio", snapshot.PublishedNews(new DateTime(2026, 12, 1, 0, 59, 0, DateTimeKind.Utc)).Select(article => article.Slug));
    }

    [Fact]
    public void Shipped_content_has_no_problems()
    {
        var snapshot = loader.Load(RepositoryPaths.Content, ContentSnapshot.Empty, Now);

        Assert.True(snapshot.Problems.Count == 0, string.Join(Environment.NewLine, snapshot.Problems));
        Assert.True(snapshot.PublishedNews(Now).Count() >= 8);
        Assert.Equal(1_752_580_000, snapshot.Appendix?.StatedTotal);
        Assert.Contains(snapshot.Agencies, agency => agency.Level == AgencyLevel.District);
        Assert.Equal(9, snapshot.Agencies.Count(agency => agency.Level == AgencyLevel.District));
    }
}
