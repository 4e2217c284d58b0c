using System.Net;
using TayNinhCchc.Web.Accounts;

namespace TayNinhCchc.Web.Tests.Pages.QuanTri;

/// <summary>
/// A corpus of broken or hostile dashboard requests — dates at and past the ends of the calendar, numbers that do not
/// fit, pages that do not exist, text where a number goes — sent by a signed-in administrator. None may answer 500;
/// a bad date is answered on the page with a Vietnamese message naming the field.
/// </summary>
public sealed class MalformedDashboardRequestTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly string[] BadDates =
    [
        "01/01/0001", "31/12/9999", "0001-01-01", "9999-12-31", "01/01/1999", "01/01/2100", "31/12/1899", "00/00/0000",
        "32/01/2026", "29/02/2025", "31/04/2026", "1/13/2026", "2026-13-01", "-1", "99999999999999999999",
        "10000-01-01", "01/01/10000", "hôm qua", "<script>alert(1)</script>", "'; DROP TABLE \"Ratings\"; --",
        "０１/０１/０００１", "01\u201301\u20130001", "01/01/2026\0", new string('9', 5000),
    ];

    private static readonly string[] BadNumbers =
    [
        "0", "-1", "-2147483648", "2147483647", "2147483648", "99999999999999999999", "1e9", "1.5", "abc", "",
        "１", "0x10", "+3", "NaN",
    ];

    public static TheoryData<string> InboxQueries()
    {
        var data = new TheoryData<string>();
        foreach (var date in BadDates)
        {
            data.Add($"tu-ngay={Uri.EscapeDataString(date)}");
            data.Add($"den-ngay={Uri.EscapeDataString(date)}");
            data.Add($"tu-ngay={Uri.EscapeDataString(date)}&den-ngay={Uri.EscapeDataString(date)}");
        }

        data.Add("tu-ngay=01%2F01%2F2000&den-ngay=31%2F12%2F2099");
        data.Add("tu-ngay=31%2F12%2F2099&den-ngay=01%2F01%2F2000");
        foreach (var number in BadNumbers)
        {
            data.Add($"trang={Uri.EscapeDataString(number)}");
        }

        data.Add("trang-thai=khong-co");
        data.Add("trang-thai=%00");
        data.Add("thu-tuc=" + Uri.EscapeDataString(new string('x', 5000)));
        data.Add("co-quan=khong-co");
        data.Add("co-quan=%00");
        return data;
    }

    [Theory]
    [MemberData(nameof(InboxQueries))]
    public async Task Inbox_filters_never_answer_500(string query)
    {
        using var client = await AdministratorAsync();

        using var response = await client.GetAsync(new Uri($"/quan-tri/gop-y?{query}", UriKind.Relative));

        Assert.True((int)response.StatusCode < 500, $"{query}: {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("tu-ngay", "01/01/0001", "Ngày bắt đầu phải là một ngày có thật từ 01/01/2000 đến 31/12/2099")]
    [InlineData("den-ngay", "31/12/9999", "Ngày kết thúc phải là một ngày có thật từ 01/01/2000 đến 31/12/2099")]
    [InlineData("tu-ngay", "0001-01-01", "Ngày bắt đầu phải là một ngày có thật từ 01/01/2000 đến 31/12/2099")]
    [InlineData("den-ngay", "9999-12-31", "Ngày kết thúc phải là một ngày có thật từ 01/01/2000 đến 31/12/2099")]
    public async Task An_out_of_range_inbox_date_is_named_on_the_page(string field, string value, string message)
    {
        using var client = await AdministratorAsync();

        using var response = await client.GetAsync(new Uri($"/quan-tri/gop-y?{field}={Uri.EscapeDataString(value)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        var link = Assert.Single(document.QuerySelectorAll(".error-summary__list a"));
        Assert.StartsWith(message, link.TextContent, StringComparison.Ordinal);
        Assert.Equal($"#{field}", link.GetAttribute("href"));
    }

    public static TheoryData<string, string> ExportForms()
    {
        var data = new TheoryData<string, string>();
        foreach (var date in BadDates)
        {
            data.Add(date, "2026-11-28");
            data.Add("2026-11-01", date);
            data.Add(date, date);
        }

        data.Add("2000-01-01", "2099-12-31");
        data.Add("2099-12-31", "2000-01-01");
        data.Add("2099-01-01", "2099-12-31");
        data.Add("2000-01-01", "2000-12-31");
        return data;
    }

    [Theory]
    [MemberData(nameof(ExportForms))]
    public async Task Export_dates_never_answer_500(string from, string to)
    {
        using var client = await AdministratorAsync();

        using var response = await client.SubmitAsync("/quan-tri/xuat", Forms.Main, new Dictionary<string, string>
        {
            ["Input.From"] = from, ["Input.To"] = to, ["Input.Format"] = "csv",
        });

        Assert.True((int)response.StatusCode < 500, $"{from} – {to}: {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("01/01/0001", "28/11/2026", "tu-ngay")]
    [InlineData("01/11/2026", "31/12/9999", "den-ngay")]
    [InlineData("0001-01-01", "0001-12-31", "tu-ngay")]
    public async Task An_out_of_range_export_date_is_named_on_the_form(string from, string to, string field)
    {
        using var client = await AdministratorAsync();

        using var response = await client.SubmitAsync("/quan-tri/xuat", Forms.Main, new Dictionary<string, string>
        {
            ["Input.From"] = from, ["Input.To"] = to, ["Input.Format"] = "csv",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        var link = document.QuerySelectorAll(".error-summary__list a").First(a => a.GetAttribute("href") == $"#{field}");
        Assert.Contains("01/01/2000 đến 31/12/2099", link.TextContent, StringComparison.Ordinal);
    }

    public static TheoryData<string> OtherPages()
    {
        var data = new TheoryData<string>();
        foreach (var number in BadNumbers)
        {
            data.Add($"/quan-tri/nhat-ky?trang={Uri.EscapeDataString(number)}");
            data.Add($"/quan-tri/kiem-duyet?trang={Uri.EscapeDataString(number)}");
            data.Add($"/quan-tri/gop-y/{Uri.EscapeDataString(number)}");
        }

        data.Add("/quan-tri/nhat-ky?hanh-dong=1%2C2");
        data.Add("/quan-tri/nhat-ky?hanh-dong=-1");
        data.Add("/quan-tri/nhat-ky?hanh-dong=99999999999");
        data.Add("/quan-tri/gop-y/9223372036854775807");
        data.Add("/quan-tri/gop-y/9223372036854775808");
        data.Add("/quan-tri/gop-y/-9223372036854775808");
        data.Add("/quan-tri?co-quan=%00");
        return data;
    }

    [Theory]
    [MemberData(nameof(OtherPages))]
    public async Task Other_dashboard_pages_never_answer_500(string url)
    {
        using var client = await AdministratorAsync();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode}");
    }

    private HttpClient? administrator;

    /// <summary>One signed-in administrator per test (xunit makes a new instance per test); a rating to filter.</summary>
    private async Task<HttpClient> AdministratorAsync()
    {
        if (administrator is null)
        {
            await portal.AddRatingAsync(portal.AgencyAt(3), comment: "Góp ý để hộp thư có dòng để lọc");
            administrator = await portal.SignInNewUserAsync(PortalRoles.Administrator);
        }

        return administrator;
    }
}
