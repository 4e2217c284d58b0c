using System.Net;

namespace TayNinhCchc.Web.Tests.Pages.DanhGia;

[Collection(SharedPortal.Name)]
public sealed class ApPhichTests(PortalFactory portal)
{
    private readonly HttpClient client = portal.CreatePortalClient();

    [Fact]
    public async Task Poster_has_a_qr_code_leading_to_the_survey_with_the_agency_chosen()
    {
        var document = await client.GetDocumentAsync("/danh-gia/ap-phich/so-tu-phap");

        Assert.Equal("Sở Tư pháp tỉnh Tây Ninh", document.Text(".poster__agency"));
        Assert.Equal("https://localhost/danh-gia?co-quan=so-tu-phap", document.Text(".poster__url"));
        var svg = document.QuerySelector(".poster__qr svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Contains("Sở Tư pháp", svg.QuerySelector("title")?.TextContent ?? svg.GetAttribute("aria-label"), StringComparison.Ordinal);

        var agencyPage = await client.GetDocumentAsync("/co-quan/so-tu-phap");
        Assert.NotNull(agencyPage.QuerySelector("a[href='/danh-gia/ap-phich/so-tu-phap']"));
        Assert.NotNull(agencyPage.QuerySelector("a[href='/danh-gia?co-quan=so-tu-phap']"));
    }

    [Theory]
    [InlineData("/danh-gia/ap-phich/khong-co")]
    [InlineData("/danh-gia/ap-phich/ubnd-huyen-go-dau")] // ended on 30/6/2025: no counter to put a poster on
    public async Task Unknown_or_ended_agency_has_no_poster(string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
