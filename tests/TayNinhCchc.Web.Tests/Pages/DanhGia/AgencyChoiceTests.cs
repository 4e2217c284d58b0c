using System.Net;

namespace TayNinhCchc.Web.Tests.Pages.DanhGia;

/// <summary>The agency choice of /danh-gia (shipped content, 28/11/2026), its deep links and the posters.</summary>
[Collection(SharedPortal.Name)]
public sealed class AgencyChoiceTests(PortalFactory portal)
{
    [Fact]
    public async Task Options_carry_former_names_for_the_filter_which_is_served_from_the_site_itself()
    {
        using var client = portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/danh-gia");

        var longHoa = document.QuerySelector("#agency option[value='phuong-long-hoa']")!;
        Assert.Equal("Ủy ban nhân dân phường Long Hoa", longHoa.TextContent);
        Assert.Contains("xã Trường Tây", longHoa.GetAttribute("data-former"), StringComparison.Ordinal);
        Assert.Equal("Cấp xã (xã, phường)", longHoa.ParentElement!.GetAttribute("label"));
        var script = document.QuerySelectorAll("script[src]").Select(element => element.GetAttribute("src")!).Single(src => src.Contains("agency-filter", StringComparison.Ordinal));
        Assert.StartsWith("/js/agency-filter", script, StringComparison.Ordinal); // fingerprinted, from wwwroot: no CDN
        using var served = await client.GetAsync(new Uri(script, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task A_deep_link_prefills_the_agency()
    {
        using var client = portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/danh-gia?co-quan=phuong-long-hoa");

        Assert.Equal("phuong-long-hoa", document.QuerySelector("#agency option[selected]")?.GetAttribute("value"));
        var abolished = await client.GetDocumentAsync("/danh-gia?co-quan=so-tai-nguyen-va-moi-truong");
        Assert.Null(abolished.QuerySelector("#agency option[selected]")); // no longer offered: not prefilled
    }

    [Fact]
    public async Task The_poster_set_has_the_provincial_centre_and_the_96_commune_centres()
    {
        using var client = portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/danh-gia/ap-phich");

        var posters = document.QuerySelectorAll("article.poster");
        Assert.Equal(97, posters.Length);
        Assert.Contains("Trung tâm Phục vụ hành chính công tỉnh Tây Ninh", posters[0].TextContent, StringComparison.Ordinal);
        Assert.All(posters, poster => Assert.NotNull(poster.QuerySelector("svg")));
        Assert.Contains(posters, poster => poster.QuerySelector(".poster__url")!.TextContent.EndsWith("/danh-gia?co-quan=phuong-long-hoa", StringComparison.Ordinal));

        using var single = await client.GetAsync(new Uri("/danh-gia/ap-phich/phuong-long-hoa", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
        using var elected = await client.GetAsync(new Uri("/danh-gia/ap-phich/hdnd-tinh", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, elected.StatusCode); // never receives a dossier: no poster
    }
}
