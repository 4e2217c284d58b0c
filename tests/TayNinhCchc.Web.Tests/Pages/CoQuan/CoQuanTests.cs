using TayNinhCchc.Web.Content;

namespace TayNinhCchc.Web.Tests.Pages.CoQuan;

[Collection(SharedPortal.Name)]
public sealed class CoQuanTests(PortalFactory portal)
{
    private ContentSnapshot Content => portal.Services.GetRequiredService<ContentLibrary>().Current;

    [Fact]
    public async Task Agency_list_shows_every_agency_grouped_by_level()
    {
        using var client = portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/co-quan");

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
