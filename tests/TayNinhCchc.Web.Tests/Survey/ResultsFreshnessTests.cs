using System.Net;
using TayNinhCchc.Web.Tests.Content;

namespace TayNinhCchc.Web.Tests.Survey;

/// <summary>New ratings show at once on cached pages and in the open data (own portal: these tests add ratings).</summary>
public sealed class ResultsFreshnessTests : IDisposable
{
    private readonly ContentFolder folder = new();
    private readonly PortalFactory portal;

    public ResultsFreshnessTests()
    {
        folder.Write("co-quan.yml", RatedPortal.Agencies);
        folder.Write($"thu-tuc/{RatedPortal.Procedure}.md", ContentFolder.Procedure(RatedPortal.Procedure, "Thủ tục đăng ký khai sinh", "Hộ tịch", extra: "agencies: [so-noi-vu]\n"));
        RatedPortal.CopyCriteria(folder);
        portal = PortalFactory.ForContent(folder.Root, settings: new Dictionary<string, string> { ["Survey:MinimumRatingsForRanking"] = "3" });
    }

    public void Dispose()
    {
        portal.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task Procedure_page_shows_its_summary_once_n_reaches_the_minimum_despite_the_output_cache()
    {
        using var client = portal.CreatePortalClient();
        var url = $"/thu-tuc/{RatedPortal.Procedure}";

        Assert.Null((await client.GetDocumentAsync(url)).QuerySelector(".rating-summary"));
        await Rate(satisfied: true);
        await Rate(satisfied: true);
        Assert.Null((await client.GetDocumentAsync(url)).QuerySelector(".rating-summary"));

        await Rate(satisfied: false);
        var withSummary = await client.GetDocumentAsync(url);
        Assert.Contains("66,7% người đánh giá hài lòng", withSummary.Text(".rating-summary"), StringComparison.Ordinal);
        Assert.Contains("(n = 3 phiếu, 12/2025–11/2026)", withSummary.Text(".rating-summary"), StringComparison.Ordinal);

        await Rate(satisfied: true);
        Assert.Contains("75,0% người đánh giá hài lòng", (await client.GetDocumentAsync(url)).Text(".rating-summary"), StringComparison.Ordinal);
        Assert.Null((await client.GetDocumentAsync(url + "/giay-to-can-mang")).QuerySelector(".rating-summary"));
    }

    [Fact]
    public async Task Open_data_changes_its_etag_when_a_rating_is_counted()
    {
        using var client = portal.CreatePortalClient();
        await Rate(satisfied: true);
        using var before = await client.GetAsync(new Uri("/du-lieu/ket-qua-danh-gia.csv", UriKind.Relative));

        await Rate(satisfied: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/du-lieu/ket-qua-danh-gia.csv", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    private Task Rate(bool satisfied) =>
        RatedPortal.Record(portal, "so-noi-vu", RatedPortal.At(2026, 11, 20), RatedPortal.Answers(2, null, 3, satisfied ? 3 : 1), RatedPortal.Procedure);
}
