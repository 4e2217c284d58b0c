using TayNinhCchc.Web.Accounts;

namespace TayNinhCchc.Web.Tests.Pages.QuanTri;

public sealed class OverviewTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Month_and_quarter_show_n_and_share_satisfied_from_the_tallies()
    {
        var agency = portal.AgencyAt(13);
        await portal.AddRatingAsync(agency);
        await portal.AddRatingAsync(agency);
        await portal.AddRatingAsync(agency, satisfied: false);
        using var client = await portal.SignInNewUserAsync(PortalRoles.AgencyStaff, agency);

        var page = await client.GetDocumentAsync("/quan-tri");

        var kpis = page.QuerySelectorAll(".kpi").ToList();
        Assert.Equal(["Tháng 11/2026", "Quý IV/2026"], kpis.Select(kpi => kpi.QuerySelector(".kpi__period")!.TextContent));
        Assert.All(kpis, kpi => Assert.Equal("66,7%", kpi.QuerySelector(".kpi__value")!.TextContent));
        Assert.All(kpis, kpi => Assert.Equal("3", kpi.QuerySelector(".kpi__facts dd")!.TextContent));
        Assert.Contains("1 góp ý mới", page.Text("ul.todo"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worst_procedures_need_the_minimum_number_of_ratings_and_come_lowest_first()
    {
        var agency = portal.AgencyAt(14);
        var procedures = portal.ProcedureCodes(3);
        for (var i = 0; i < 5; i++)
        {
            await portal.AddRatingAsync(agency, procedures[0], satisfied: i < 4);
            await portal.AddRatingAsync(agency, procedures[1], satisfied: i < 2);
        }

        await portal.AddRatingAsync(agency, procedures[2], satisfied: false);
        using var client = await portal.SignInNewUserAsync(PortalRoles.AgencyStaff, agency);

        var page = await client.GetDocumentAsync("/quan-tri");

        var rows = page.QuerySelectorAll("#thu-tuc-kem-nhat ~ .table-wrap tbody tr").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(procedures[1], rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("40,0%", rows[0].QuerySelectorAll("td")[2].TextContent);
        Assert.Contains(procedures[0], rows[1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(procedures[2], page.Text("#thu-tuc-kem-nhat ~ .table-wrap"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrators_pick_an_agency_in_a_form_that_works_without_script()
    {
        var agency = portal.AgencyAt(13);
        using var client = await portal.SignInNewUserAsync(PortalRoles.Administrator);

        var all = await client.GetDocumentAsync("/quan-tri");
        using var picked = await client.SubmitAsync(all, "form.filters", new Dictionary<string, string> { ["co-quan"] = agency });

        Assert.Equal("Tất cả cơ quan", all.Text("h1"));
        var page = await Html.ParseAsync(picked);
        Assert.NotEqual("Tất cả cơ quan", page.Text("h1"));
        Assert.Equal($"/quan-tri/gop-y?co-quan={agency}", page.QuerySelector(".dashboard-nav a[href^='/quan-tri/gop-y']")!.GetAttribute("href"));
    }
}
