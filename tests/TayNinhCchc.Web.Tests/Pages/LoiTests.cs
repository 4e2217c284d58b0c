using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;

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

    [Fact]
    public async Task A_server_error_gets_the_vietnamese_500_page_without_details()
    {
        var clock = new BreakableClock();
        using var failing = portal.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock))));
        using var client = failing.CreateClient();
        clock.Broken = true;

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Equal("Hệ thống đang gặp sự cố", document.Text("h1"));
        Assert.DoesNotContain("InvalidOperationException", document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    /// <summary>A clock that works while the portal starts, then fails every page that asks for the time.</summary>
    private sealed class BreakableClock : TimeProvider
    {
        public bool Broken { get; set; }

        public override DateTimeOffset GetUtcNow() =>
            Broken ? throw new InvalidOperationException("clock failure for the test") : base.GetUtcNow();
    }
}
