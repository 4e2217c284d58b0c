using System.Net;
using TayNinhCchc.Web.Tests.Pages.QuanTri;

namespace TayNinhCchc.Web.Tests.Endpoints;

/// <summary>
/// A corpus of broken or hostile requests to the public results pages, the open data and the paged lists: periods at
/// and past the ends of the calendar, numbers that do not fit, malformed validators. None may answer 500; a bad period
/// gets 400 with the page's Vietnamese message naming it.
/// </summary>
public sealed class MalformedPublicRequestTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly string[] BadPeriods =
    [
        "0001", "0000", "9999", "0001-01", "0001-q1", "9999-12", "9999-q4", "1999", "1999-q4", "2100", "2100-01",
        "2026-00", "2026-13", "2026-q0", "2026-q5", "2026-Q9", "-2026", "20261", "2026-1", "2026-012", "99999999999",
        "-1", "2026-12-01", "q4-2026", "<script>", "'; DROP TABLE \"RatingTallies\"; --", "%00", "2026\0",
        new string('2', 5000),
    ];

    private static readonly string[] EdgePeriods = ["2000", "2000-01", "2000-q1", "2099", "2099-12", "2099-q4", "２０２６-q4", "2026\u2013q4", "2026-Q4"];

    private static readonly string[] BadNumbers =
    [
        "0", "-1", "-2147483648", "2147483647", "2147483648", "99999999999999999999", "1e9", "1.5", "abc", "１", "0x10", "+3",
    ];

    public static TheoryData<string> Urls()
    {
        var data = new TheoryData<string>();
        foreach (var period in BadPeriods.Concat(EdgePeriods))
        {
            var ky = Uri.EscapeDataString(period);
            data.Add($"/ket-qua-danh-gia?ky={ky}");
            data.Add($"/ket-qua-danh-gia?ky={ky}&nhom=cap-xa");
            data.Add($"/ket-qua-danh-gia/so-tu-phap?ky={ky}");
        }

        data.Add("/ket-qua-danh-gia?nhom=%00");
        data.Add("/ket-qua-danh-gia?ky=2026&ky=2027");
        foreach (var number in BadNumbers)
        {
            var trang = Uri.EscapeDataString(number);
            data.Add($"/thu-tuc?trang={trang}");
            data.Add($"/thu-tuc?q=khai+sinh&trang={trang}");
            data.Add($"/tin-tuc?trang={trang}");
            data.Add($"/ke-hoach/nhiem-vu?quy={trang}");
        }

        data.Add("/thu-tuc?cap=%00&linh-vuc=" + Uri.EscapeDataString(new string('x', 5000)));
        data.Add("/thu-tuc?sap-xep=thoi-han&muc-do=khong-co");
        data.Add("/loi/-1");
        data.Add("/loi/0");
        data.Add("/loi/2147483648");
        data.Add("/danh-gia/cam-on?so=" + Uri.EscapeDataString(new string('9', 5000)));
        data.Add("/danh-gia?co-quan=%00&thu-tuc=-1");
        data.Add("/thu-tuc?q=" + Uri.EscapeDataString(new string('a', 10_000)));
        foreach (var file in new[] { "ket-qua-danh-gia.csv", "ket-qua-danh-gia.json", "thu-tuc.csv", "thu-tuc.json" })
        {
            data.Add($"/du-lieu/{file}?ky=0001&trang=-1&tu-ngay=01%2F01%2F0001");
            data.Add($"/du-lieu/{file}?" + Uri.EscapeDataString(new string('%', 100)));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Public_pages_and_open_data_never_answer_500(string url)
    {
        await EnsureRatingAsync();
        using var client = portal.CreatePortalClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode}");
    }

    public static TheoryData<string, string> Validators() => new()
    {
        { "If-Modified-Since", "Mon, 01 Jan 0001 00:00:00 GMT" },
        { "If-Modified-Since", "Fri, 31 Dec 9999 23:59:59 GMT" },
        { "If-Modified-Since", "hôm qua" },
        { "If-Modified-Since", "-1" },
        { "If-None-Match", "không phải thẻ" },
        { "If-None-Match", "\"" },
        { "If-None-Match", "*" },
        { "If-None-Match", new string('"', 5000) },
    };

    [Theory]
    [MemberData(nameof(Validators))]
    public async Task Open_data_validators_never_answer_500(string header, string value)
    {
        await EnsureRatingAsync();
        using var client = portal.CreatePortalClient();
        foreach (var file in new[] { "ket-qua-danh-gia.csv", "ket-qua-danh-gia.json", "thu-tuc.csv", "thu-tuc.json" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/du-lieu/{file}", UriKind.Relative));
            request.Headers.TryAddWithoutValidation(header, value);

            using var response = await client.SendAsync(request);

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotModified, $"{file} with {header}: {value}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("/ket-qua-danh-gia?ky=0001")]
    [InlineData("/ket-qua-danh-gia?ky=9999-12")]
    [InlineData("/ket-qua-danh-gia/so-tu-phap?ky=0001-01")]
    [InlineData("/ket-qua-danh-gia/so-tu-phap?ky=9999-q4")]
    public async Task An_out_of_range_period_is_400_with_a_message_naming_it(string url)
    {
        using var client = portal.CreatePortalClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await Html.ParseAsync(response);
        var message = document.Text(".error-summary__list a");
        Assert.StartsWith("Kỳ báo cáo «", message, StringComparison.Ordinal);
        Assert.Contains("năm từ 2000 đến 2099", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/ket-qua-danh-gia?ky=2000-01")]
    [InlineData("/ket-qua-danh-gia/so-tu-phap?ky=2000-01")]
    [InlineData("/ket-qua-danh-gia/so-tu-phap?ky=2099-q4")]
    [InlineData("/ket-qua-danh-gia/so-tu-phap?ky=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96-q4")]
    public async Task The_first_and_last_periods_in_range_are_shown(string url)
    {
        await EnsureRatingAsync();
        using var client = portal.CreatePortalClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task EnsureRatingAsync() => await portal.AddRatingAsync("so-tu-phap", comment: null);
}
