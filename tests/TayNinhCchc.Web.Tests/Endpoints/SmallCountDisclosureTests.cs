using System.Text.Json;
using TayNinhCchc.Web.Tests.Survey;

namespace TayNinhCchc.Web.Tests.Endpoints;

/// <summary>
/// Below the minimum n (5 in <see cref="RatedPortal"/>) the public pages and the open data publish n and say the rest
/// is withheld; from the minimum on they publish every figure. n = 1: Sở Du lịch in 10/2026; n = 5 (the minimum): Sở
/// Đầu tư in 10/2026; n = 3: Sở Tư pháp in 11/2026.
/// </summary>
[Collection(RatedPortalGroup.Name)]
public sealed class SmallCountDisclosureTests(RatedPortal rated)
{
    private const string Withheld = "không công bố (dưới 5 phiếu)";

    [Fact]
    public async Task Open_data_json_gives_n_and_an_explicit_null_below_the_minimum()
    {
        var months = await JsonMonthsAsync();

        var one = Month(months, "so-du-lich", 10);
        Assert.Equal(1, one.GetProperty("ratings").GetInt32());
        Assert.Equal(5, one.GetProperty("minimum_n").GetInt32());
        Assert.True(one.GetProperty("figures_withheld").GetBoolean());
        Assert.Equal(JsonValueKind.Null, one.GetProperty("satisfied").ValueKind);
        Assert.Equal(JsonValueKind.Null, one.GetProperty("dissatisfied").ValueKind);
        var options = one.GetProperty("criteria").EnumerateArray().SelectMany(criterion => criterion.GetProperty("options").EnumerateArray()).ToList();
        Assert.NotEmpty(options);
        Assert.All(options, option => Assert.Equal(JsonValueKind.Null, option.GetProperty("count").ValueKind));
        Assert.All(options, option => Assert.True(option.GetProperty("count_withheld").GetBoolean()));
    }

    [Fact]
    public async Task Open_data_json_gives_every_count_at_the_minimum()
    {
        var months = await JsonMonthsAsync();

        var atMinimum = Month(months, "so-dau-tu", 10);
        Assert.Equal(5, atMinimum.GetProperty("ratings").GetInt32());
        Assert.False(atMinimum.GetProperty("figures_withheld").GetBoolean());
        Assert.Equal(5, atMinimum.GetProperty("satisfied").GetInt32());
        Assert.Equal(0, atMinimum.GetProperty("dissatisfied").GetInt32());
        var overall = atMinimum.GetProperty("criteria").EnumerateArray().Single(criterion => criterion.GetProperty("criterion_code").GetString() == "tong-the");
        Assert.Equal([5, 0, 0], overall.GetProperty("options").EnumerateArray().Select(option => option.GetProperty("count").GetInt32()));
        Assert.All(overall.GetProperty("options").EnumerateArray(), option => Assert.False(option.GetProperty("count_withheld").GetBoolean()));

        // A month at the minimum can still hold a question answered by fewer (optional chỉ số 5: 4 answers of 10).
        var noiVu = Month(months, "so-noi-vu", 11);
        Assert.False(noiVu.GetProperty("figures_withheld").GetBoolean());
        var index5 = noiVu.GetProperty("criteria").EnumerateArray().Single(criterion => criterion.GetProperty("criterion_code").GetString() == "chi-so-5");
        Assert.All(index5.GetProperty("options").EnumerateArray(), option => Assert.Equal(JsonValueKind.Null, option.GetProperty("count").ValueKind));
        Assert.All(index5.GetProperty("options").EnumerateArray(), option => Assert.True(option.GetProperty("count_withheld").GetBoolean()));
    }

    [Fact]
    public async Task Open_data_csv_leaves_withheld_figures_empty_and_says_so()
    {
        using var client = rated.Portal.CreatePortalClient();

        var text = await client.GetStringAsync(new Uri("/du-lieu/ket-qua-danh-gia.csv", UriKind.Relative));

        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("so-du-lich,Sở Du lịch tỉnh Tây Ninh,tinh,so-nganh,2026,10,1,5,true,,,0,nd118-2025-v1,11,tong-the,Đánh giá tổng thể dịch vụ,,3,Rất hài lòng,,true,,true", lines);
        Assert.Contains("so-dau-tu,Sở Đầu tư tỉnh Tây Ninh,tinh,so-nganh,2026,10,5,5,false,5,0,0,nd118-2025-v1,11,tong-the,Đánh giá tổng thể dịch vụ,,3,Rất hài lòng,,true,5,false", lines);
    }

    [Fact]
    public async Task Agency_page_with_one_rating_shows_n_and_withholds_every_other_figure()
    {
        using var client = rated.Portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/ket-qua-danh-gia/so-du-lich?ky=2026-10");

        var facts = document.Text("dl.facts--totals");
        Assert.Contains("1 (tháng 10/2026)", facts, StringComparison.Ordinal);
        Assert.Contains(Withheld, facts, StringComparison.Ordinal);
        Assert.DoesNotContain("%", facts, StringComparison.Ordinal);
        Assert.Contains("có thể suy ra câu trả lời của từng người", document.Text("#khong-cong-bo"), StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("table.criterion-table"));
        Assert.Null(document.GetElementById("theo-cau-hoi"));

        var trend = document.QuerySelector("svg.chart")!;
        Assert.Empty(trend.QuerySelectorAll("rect.chart__bar"));
        Assert.Contains($"10/2026: n = 1, tỷ lệ {Withheld}", trend.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        var october = document.GetElementById("bang-theo-thang")!.ParentElement!.QuerySelectorAll("tbody tr").Single(row => row.QuerySelector("th")!.TextContent == "10/2026");
        Assert.Equal(["1", Withheld], october.QuerySelectorAll("td").Select(cell => cell.TextContent));
        Assert.DoesNotContain("100,0%", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agency_page_at_the_minimum_shows_every_figure()
    {
        using var client = rated.Portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/ket-qua-danh-gia/so-dau-tu?ky=2026-10");

        var facts = document.Text("dl.facts--totals");
        Assert.Contains("100,0% (n = 5, tháng 10/2026)", facts, StringComparison.Ordinal);
        Assert.DoesNotContain("không công bố", facts, StringComparison.Ordinal);
        Assert.Null(document.GetElementById("khong-cong-bo"));
        var overall = document.QuerySelectorAll("table.criterion-table").Single(table => table.QuerySelector("caption")!.TextContent.StartsWith("Câu 11.", StringComparison.Ordinal));
        Assert.Equal(["5", "100,0%", "0", "0,0%", "0", "0,0%"], overall.QuerySelectorAll("tbody td").Select(cell => cell.TextContent));
        Assert.Single(document.QuerySelector("svg.chart")!.QuerySelectorAll("rect.chart__bar"));
    }

    [Fact]
    public async Task Ranking_lists_unranked_agencies_with_n_only_and_says_why()
    {
        using var client = rated.Portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/ket-qua-danh-gia?ky=2026-q4");

        var unranked = document.GetElementById("bang-chua-xep-hang")!.ParentElement!;
        Assert.Equal(["Cơ quan", "Số phiếu (n)"], unranked.QuerySelectorAll("thead th").Select(cell => cell.TextContent));
        Assert.DoesNotContain("%", unranked.TextContent, StringComparison.Ordinal);
        Assert.Contains("có thể suy ra câu trả lời của từng người", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_under_the_minimum_has_its_share_withheld()
    {
        using var client = rated.Portal.CreatePortalClient();

        // September 2026: only Sở Nội vụ's one rating in the group.
        var document = await client.GetDocumentAsync("/ket-qua-danh-gia?ky=2026-09");

        var totals = document.Text("dl.facts--totals");
        Assert.Contains("1 phiếu (n), tháng 09/2026", totals, StringComparison.Ordinal);
        Assert.Contains(Withheld, totals, StringComparison.Ordinal);
        Assert.DoesNotContain("%", totals, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Methodology_and_data_dictionary_state_the_minimum_and_why()
    {
        using var client = rated.Portal.CreatePortalClient();

        var methodology = await client.GetDocumentAsync("/ket-qua-danh-gia/phuong-phap");
        var data = await client.GetDocumentAsync("/du-lieu");

        Assert.Equal("Ngưỡng công bố: từ 5 phiếu", methodology.Text("#nguong-cong-bo"));
        Assert.Contains("suy ra câu trả lời của từng người", methodology.QuerySelector("#nguong-cong-bo + ul")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("(hiện là 5)", data.Text("#nguong-cong-bo"), StringComparison.Ordinal);
        Assert.Contains("figures_withheld", data.Text("#nguong-cong-bo"), StringComparison.Ordinal);
    }

    private async Task<List<JsonElement>> JsonMonthsAsync()
    {
        using var client = rated.Portal.CreatePortalClient();
        var json = await client.GetStringAsync(new Uri("/du-lieu/ket-qua-danh-gia.json", UriKind.Relative));
        return JsonDocument.Parse(json).RootElement.EnumerateArray().Select(month => month.Clone()).ToList();
    }

    private static JsonElement Month(List<JsonElement> months, string agency, int month) =>
        months.Single(candidate => candidate.GetProperty("agency_code").GetString() == agency && candidate.GetProperty("month").GetInt32() == month);
}
