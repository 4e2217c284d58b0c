using TayNinhCchc.Web.Content;

namespace TayNinhCchc.Web.Tests.Pages.CoQuan;

[Collection(SharedPortal.Name)]
public sealed class CoQuanTests(PortalFactory portal)
{
    private ContentSnapshot Content => portal.Services.GetRequiredService<ContentLibrary>().Current;

    [Fact]
    public async Task Agency_list_shows_today_by_default_and_2020_one_click_away()
    {
        using var client = portal.CreatePortalClient();

        var today = await client.GetDocumentAsync("/co-quan");
        Assert.Equal(96, today.QuerySelectorAll("#cap-xa + p + ul.agency-list li").Length);
        Assert.Contains(today.QuerySelectorAll("#cap-tinh ~ ul a"), a => a.TextContent == "Sở Nông nghiệp và Môi trường tỉnh Tây Ninh");
        Assert.Null(today.GetElementById("cap-huyen"));
        Assert.Contains("Thuế tỉnh Tây Ninh", today.Text("#nganh-doc ~ ul"), StringComparison.Ordinal);
        var link2020 = today.QuerySelectorAll("nav.period-links a").Single(a => a.TextContent.StartsWith("Cơ cấu năm 2020", StringComparison.Ordinal));

        var plan = await client.GetDocumentAsync(link2020.GetAttribute("href")!);
        Assert.Equal(9, plan.QuerySelectorAll("#cap-huyen + ul li").Length);
        Assert.Null(plan.GetElementById("cap-xa"));
        Assert.Contains(plan.QuerySelectorAll(".agency-list a"), a => a.TextContent == "Sở Tài nguyên và Môi trường tỉnh Tây Ninh");
    }

    [Theory]
    [InlineData("xã Trường Tây", "/co-quan/phuong-long-hoa", "xã Trường Tây")]
    [InlineData("truong tay", "/co-quan/phuong-long-hoa", "xã Trường Tây")]
    [InlineData("thị trấn Gò Dầu", "/co-quan/phuong-go-dau", "thị trấn Gò Dầu")]
    [InlineData("THI TRAN GO DAU", "/co-quan/phuong-go-dau", "thị trấn Gò Dầu")]
    public async Task Searching_a_former_name_finds_todays_unit(string query, string expected, string former)
    {
        using var client = portal.CreatePortalClient();

        var document = await client.GetDocumentAsync($"/co-quan?q={Uri.EscapeDataString(query)}");

        var first = document.QuerySelector("#ket-qua-tim-danh-sach li")!;
        Assert.Equal(expected, first.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(former, first.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commune_page_shows_what_it_was_formed_from_and_an_old_agency_its_successor()
    {
        using var client = portal.CreatePortalClient();

        var longHoa = await client.GetDocumentAsync("/co-quan/phuong-long-hoa");
        Assert.Contains("phường Long Thành Bắc, phường Long Hoa và các xã Trường Hòa, Trường Tây, Trường Đông", longHoa.Text("#lich-su ~ p"), StringComparison.Ordinal);
        Assert.Contains("Nghị quyết 1682/NQ-UBTVQH15 ngày 16/6/2025, Điều 1 khoản 90", longHoa.Text("dl.facts"), StringComparison.Ordinal);

        var tax = await client.GetDocumentAsync("/co-quan/cuc-thue");
        Assert.StartsWith("Nay là:", tax.QuerySelectorAll(".notice p")[1].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("/co-quan/thue-tinh-tay-ninh", tax.QuerySelector(".notice a")?.GetAttribute("href"));
        Assert.Contains("ngày chưa rõ", tax.Text("main"), StringComparison.Ordinal);

        var environment = await client.GetDocumentAsync("/co-quan/so-tai-nguyen-va-moi-truong");
        Assert.Contains("Cơ quan kế thừa: chưa rõ", environment.Text(".notice"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_agency_is_listed_grouped_by_level()
    {
        using var client = portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/co-quan?thoi-ky=tat-ca");

        var links = document.QuerySelectorAll(".agency-list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(Content.Agencies.OrderBy(agency => agency.Level).Select(agency => $"/co-quan/{agency.Code}"), links);
        Assert.Contains(document.QuerySelectorAll("h2"), h2 => h2.TextContent.StartsWith("Cấp huyện", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Agency_page_lists_the_tasks_it_leads()
    {
        using var client = portal.CreatePortalClient();
        var lead = Content.Appendix!.Tasks.SelectMany(task => task.Lead).First(code => Content.AgenciesByCode.ContainsKey(code));
        var count = Content.Appendix.Tasks.Count(task => task.Lead.Contains(lead));

        var document = await client.GetDocumentAsync($"/co-quan/{lead}");

        Assert.Equal(Content.AgenciesByCode[lead].Name, document.Text("h1"));
        Assert.Equal(count, document.QuerySelectorAll("#nhiem-vu-chu-tri + ul li").Length);
    }

    [Fact]
    public async Task A_district_of_2020_is_kept_and_marked_as_no_longer_operating()
    {
        using var client = portal.CreatePortalClient();
        var district = Content.Agencies.First(agency => agency.Level == AgencyLevel.District);

        var document = await client.GetDocumentAsync($"/co-quan/{district.Code}");

        Assert.Contains("không còn hoạt động", document.Text(".notice"), StringComparison.Ordinal);
        Assert.Contains("30/06/2025", document.Text(".notice"), StringComparison.Ordinal);
    }
}
