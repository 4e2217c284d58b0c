using System.Net;
using AngleSharp.Dom;
using TayNinhCchc.Web.Tests.Survey;

namespace TayNinhCchc.Web.Tests.Pages.KetQuaDanhGia;

/// <summary>The public results pages over HTTP, on the hand-computed ratings of <see cref="RatedPortal"/>.</summary>
[Collection(RatedPortalGroup.Name)]
public sealed class KetQuaDanhGiaTests(RatedPortal rated)
{
    [Fact]
    public async Task Ranking_defaults_to_the_current_quarter_and_shows_n_beside_every_figure()
    {
        using var client = rated.Portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/ket-qua-danh-gia");

        Assert.Equal("Kết quả đánh giá mức độ hài lòng", document.Text("h1"));
        Assert.Contains("quý IV/2026", document.Text("#bang-xep-hang"), StringComparison.Ordinal);
        var rows = Rows(document, "#bang-xep-hang");
        Assert.Equal(
            [
                ["1", "Sở Du lịch tỉnh Tây Ninh", "5", "100,0%", "56,6%", "100,0%"],
                ["1", "Sở Đầu tư tỉnh Tây Ninh", "5", "100,0%", "56,6%", "100,0%"],
                ["3", "Sở Nội vụ tỉnh Tây Ninh", "10", "80,0%", "49,0%", "70,0%"],
            ],
            rows.Select(cells => cells.Take(6).ToArray()));
        Assert.StartsWith("11,20/18", rows[2][6], StringComparison.Ordinal);
        Assert.Contains("6/9 chỉ số", rows[2][6], StringComparison.Ordinal);

        var unranked = Rows(document, "#bang-chua-xep-hang");
        Assert.Equal(["Sở Tư pháp tỉnh Tây Ninh minh họa"], unranked.Select(cells => cells[0]));
        Assert.Equal(["3"], unranked.Select(cells => cells[1]));

        var totals = document.Text("dl.facts--totals");
        Assert.Contains("23 phiếu (n), quý IV/2026", totals, StringComparison.Ordinal);
        Assert.Contains("91,3% (n = 23, quý IV/2026)", totals, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_ratings_in_the_period_raise_the_demo_banner()
    {
        using var client = rated.Portal.CreatePortalClient();

        var withDemo = await client.GetDocumentAsync("/ket-qua-danh-gia?ky=2026-11");
        var withoutDemo = await client.GetDocumentAsync("/ket-qua-danh-gia?ky=2026-10");

        Assert.Contains("Dữ liệu minh họa.", withDemo.Text(".notice--demo"), StringComparison.Ordinal);
        Assert.Contains("1 trong số 17 phiếu", withDemo.Text(".notice--demo"), StringComparison.Ordinal);
        Assert.Null(withoutDemo.QuerySelector(".notice--demo"));
    }

    [Fact]
    public async Task District_group_shows_districts_in_the_periods_they_existed()
    {
        using var client = rated.Portal.CreatePortalClient();

        var early = await client.GetDocumentAsync("/ket-qua-danh-gia?nhom=cap-huyen&ky=2025-q1");
        var late = await client.GetDocumentAsync("/ket-qua-danh-gia?nhom=cap-huyen&ky=2026");

        Assert.Equal("Ủy ban nhân dân huyện Gò Dầu", Rows(early, "#bang-chua-xep-hang").Single()[0]);
        Assert.Contains("Cấp huyện kết thúc hoạt động từ ngày 01/7/2025", late.Text("main"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/ket-qua-danh-gia?ky=2026-13", "Kỳ báo cáo «2026-13» không hợp lệ", "2026-q4")]
    [InlineData("/ket-qua-danh-gia?ky=%3Cscript%3E", "Kỳ báo cáo «<script>» không hợp lệ", "2026-q4")]
    [InlineData("/ket-qua-danh-gia?nhom=cap-tinh", "Nhóm «cap-tinh» không có", "so-nganh, cap-xa, nganh-doc, cap-huyen")]
    [InlineData("/ket-qua-danh-gia/so-noi-vu?ky=q4-2026", "Kỳ báo cáo «q4-2026» không hợp lệ", "2026-q4")]
    public async Task A_malformed_query_gets_400_and_says_what_to_write(string url, string message, string hint)
    {
        using var client = rated.Portal.CreatePortalClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.StartsWith("Lỗi: ", document.Title, StringComparison.Ordinal);
        Assert.Contains(message, document.Text(".error-summary"), StringComparison.Ordinal);
        Assert.Contains(hint, document.Text(".error-summary"), StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("select#ky"));
    }

    [Fact]
    public async Task Agency_page_shows_figures_rank_trend_and_criteria_with_text_alternatives()
    {
        using var client = rated.Portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/ket-qua-danh-gia/so-noi-vu?ky=2026-q4");

        Assert.Equal("Sở Nội vụ tỉnh Tây Ninh", document.Text("h1"));
        var facts = document.Text("dl.facts--totals");
        Assert.Contains("80,0% (n = 10, quý IV/2026)", facts, StringComparison.Ordinal);
        Assert.Contains("49,0% (n = 10, quý IV/2026)", facts, StringComparison.Ordinal);
        Assert.Contains("70,0% (n = 10, quý IV/2026; 3 phiếu có câu trả lời không hài lòng)", facts, StringComparison.Ordinal);
        Assert.Contains("11,20/18 (6/9 chỉ số được tính; n = 10, quý IV/2026)", facts, StringComparison.Ordinal);
        Assert.Contains("Hạng 3 trong 3 cơ quan được xếp hạng", facts, StringComparison.Ordinal);

        var charts = document.QuerySelectorAll("svg.chart[role=img]");
        Assert.Equal(2, charts.Length);
        foreach (var chart in charts)
        {
            var labels = chart.GetAttribute("aria-labelledby")!.Split(' ');
            Assert.All(labels, id => Assert.False(string.IsNullOrWhiteSpace(document.GetElementById(id)?.TextContent)));
        }

        var trend = charts[0];
        Assert.Contains("11/2026: 80,0% hài lòng (n = 10)", trend.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("09/2026: n = 1, tỷ lệ không công bố (dưới 5 phiếu)", trend.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("12/2025: chưa có phiếu", trend.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        var months = Rows(document, "#bang-theo-thang");
        Assert.Equal(12, months.Count);
        Assert.Equal(["11/2026", "10", "80,0%", "70,0%"], months[^1]);

        Assert.Contains("Câu 11 (10 trả lời): Rất hài lòng 50,0%; Hài lòng 30,0%; Không hài lòng 20,0%.", charts[1].QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        var index5 = document.QuerySelectorAll("table.criterion-table").Single(table => table.QuerySelector("caption")!.TextContent.StartsWith("Câu 5.", StringComparison.Ordinal));
        // An optional question with 4 answers, under the minimum of 5: its counts, shares and mean are withheld.
        Assert.Contains("4 phiếu trả lời, quý IV/2026; chỉ số 5 của TT 01/2018, điểm trung bình không công bố (dưới 5 phiếu)", index5.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Repeat("không công bố (dưới 5 phiếu)", 3), index5.QuerySelectorAll("tbody td").Select(cell => cell.TextContent));
    }

    [Fact]
    public async Task Agency_below_the_minimum_is_shown_unranked_with_its_demo_banner()
    {
        using var client = rated.Portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/ket-qua-danh-gia/so-tu-phap");

        Assert.Contains("Chưa xếp hạng: cần ít nhất 5 phiếu trong kỳ", document.Text("dl.facts--totals"), StringComparison.Ordinal);
        Assert.Contains("1 trong số 3 phiếu của quý IV/2026", document.Text(".notice--demo"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_agency_is_404()
    {
        using var client = rated.Portal.CreatePortalClient();

        using var response = await client.GetAsync(new Uri("/ket-qua-danh-gia/khong-co", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Methodology_states_formulas_minimum_tie_break_exclusions_and_what_is_unverified()
    {
        using var client = rated.Portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/ket-qua-danh-gia/phuong-phap");

        var text = document.Text("main");
        Assert.Contains("cho cận dưới 49,0%", text, StringComparison.Ordinal);
        Assert.Contains("từ 5 phiếu trở lên", text, StringComparison.Ordinal);
        Assert.Contains("đồng hạng", text, StringComparison.Ordinal);
        Assert.Contains("Phiếu bị gắn cờ", text, StringComparison.Ordinal);
        Assert.Contains("Dữ liệu minh họa", text, StringComparison.Ordinal);
        Assert.Contains("«Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC = (Tổng số hồ sơ TTHC - Số hồ sơ không hài lòng", text, StringComparison.Ordinal);
        Assert.Contains("Quyết định 800/QĐ-UBND ngày 04/4/2019 của UBND tỉnh Tây Ninh", text, StringComparison.Ordinal);
        // QĐ 800 text, TT 01/2018 official text, QĐ 766 point bands, evaluation under NĐ 118/2025.
        Assert.Equal(4, document.QuerySelectorAll("#nguon + ul strong").Count(strong => strong.TextContent.StartsWith("chưa tìm thấy", StringComparison.Ordinal)));
        Assert.Contains("chưa tìm thấy văn bản pháp luật quy định các ngưỡng này", text, StringComparison.Ordinal);
        Assert.Equal(11, document.GetElementById("bang-bo-cau-hoi")!.ParentElement!.QuerySelectorAll("tbody tr").Length);

        // Which framework covers which period, and that neither is verified.
        var frameworks = Rows(document, "#bang-khung-danh-gia");
        Assert.Equal(["tt01-2018-v1", "nd118-2025-v1"], frameworks.Select(cells => cells[0]));
        Assert.Equal(["04/04/2019 – 30/06/2025", "01/07/2025 – nay"], frameworks.Select(cells => cells[1]));
        Assert.Contains("Thông tư 03/2025/TT-VPCP ngày 15/9/2025", frameworks[1][2], StringComparison.Ordinal);
        Assert.All(frameworks, cells => Assert.Equal("Chưa", cells[3]));
    }

    [Fact]
    public async Task Header_and_home_page_lead_to_the_results()
    {
        using var client = rated.Portal.CreatePortalClient();

        var home = await client.GetDocumentAsync("/");
        var results = await client.GetDocumentAsync("/ket-qua-danh-gia");

        Assert.NotNull(home.QuerySelector(".site-nav a[href='/ket-qua-danh-gia']"));
        Assert.NotNull(home.QuerySelector("main a[href='/ket-qua-danh-gia']"));
        Assert.Equal("page", results.QuerySelector(".site-nav a[href='/ket-qua-danh-gia']")?.GetAttribute("aria-current"));
    }

    [Theory]
    [InlineData("/ket-qua-danh-gia")]
    [InlineData("/ket-qua-danh-gia?ky=2026")]
    [InlineData("/ket-qua-danh-gia/so-noi-vu")]
    [InlineData("/ket-qua-danh-gia/so-noi-vu?ky=2026-11")]
    [InlineData("/ket-qua-danh-gia/so-tu-phap")]
    [InlineData("/ket-qua-danh-gia/phuong-phap")]
    [InlineData("/thu-tuc/" + RatedPortal.Procedure)]
    [InlineData("/co-quan/so-noi-vu")]
    [InlineData("/du-lieu")]
    [InlineData("/du-lieu/ket-qua-danh-gia.csv")]
    [InlineData("/du-lieu/ket-qua-danh-gia.json")]
    public async Task Comments_and_reasons_never_leave_the_database(string url)
    {
        using var client = rated.Portal.CreatePortalClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(RatedPortal.PrivateMarker, body, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", body, StringComparison.Ordinal);
    }

    private static List<string[]> Rows(IDocument document, string captionId) =>
        document.QuerySelector(captionId)!.ParentElement!.QuerySelectorAll("tbody tr")
            .Select(row => row.Children.Select(cell => Normalise(cell.TextContent)).ToArray())
            .ToList();

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
