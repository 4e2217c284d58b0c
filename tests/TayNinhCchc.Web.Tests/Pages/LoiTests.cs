using System.Net;

namespace TayNinhCchc.Web.Tests.Pages;

[Collection(SharedPortal.Name)]
public sealed class LoiTests(PortalFactory portal)
{
    [Theory]
    [InlineData("/khong-ton-tai")]
    [InlineData("/tin-tuc/bai-khong-co")]
    [InlineData("/tin-tuc/the/chu-de-khong-co")]
    [InlineData("/co-quan/so-khong-co")]
    [InlineData("/tin-tuc?trang=999")]
    [InlineData("/tin-tuc?trang=0")]
    public async Task Unknown_addresses_get_the_vietnamese_404_page(string url)
    {
        using var client = portal.CreatePortalClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Equal("Không tìm thấy trang", document.Text("h1"));
        Assert.Equal("vi", document.DocumentElement.GetAttribute("lang"));
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }
}
