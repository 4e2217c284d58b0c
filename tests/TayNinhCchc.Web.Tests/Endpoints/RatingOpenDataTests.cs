using System.Net;
using System.Text.Json;
using TayNinhCchc.Web.Endpoints;
using TayNinhCchc.Web.Tests.Survey;

namespace TayNinhCchc.Web.Tests.Endpoints;

/// <summary>The results as open data, on the hand-computed ratings of <see cref="RatedPortal"/>.</summary>
[Collection(RatedPortalGroup.Name)]
public sealed class RatingOpenDataTests(RatedPortal rated)
{
    // 9 TT 01/2018 indices and 2 questions, 3 options each.
    private const int OptionsPerMonth = 33;

    [Fact]
    public async Task Csv_has_a_byte_order_mark_the_documented_header_and_one_line_per_option()
    {
        using var client = rated.Portal.CreatePortalClient();

        using var response = await client.GetAsync(new Uri("/du-lieu/ket-qua-danh-gia.csv", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', RatingOpenDataEndpoints.Columns.Select(column => column.Name)), lines[0]);
        // Agency-months with counted ratings: Nội vụ 09 and 11/2026, Du lịch 10 and 11, Đầu tư 10, Tư pháp 11, Gò Dầu 03/2025.
        Assert.Equal(7 * OptionsPerMonth, lines.Length - 1);
        Assert.Contains("so-noi-vu,Sở Nội vụ tỉnh Tây Ninh,tinh,so-nganh,2026,11,10,5,false,8,3,0,nd118-2025-v1,11,tong-the,Đánh giá tổng thể dịch vụ,,3,Rất hài lòng,,true,5,false", lines);
        // n = 3, under the minimum of 5: n is published, the rest is empty and marked withheld.
        Assert.Contains("so-tu-phap,Sở Tư pháp tỉnh Tây Ninh,tinh,so-nganh,2026,11,3,5,true,,,1,nd118-2025-v1,5,chi-so-5,Thực hiện tổ chức tiếp nhận hồ sơ, giải quyết, trả kết quả tại Bộ phận Một cửa,5,0,Không được tiếp nhận hoặc trả kết quả tại Bộ phận Một cửa,0,false,,true"
            .Replace("Thực hiện tổ chức tiếp nhận hồ sơ, giải quyết, trả kết quả tại Bộ phận Một cửa", "\"Thực hiện tổ chức tiếp nhận hồ sơ, giải quyết, trả kết quả tại Bộ phận Một cửa\"", StringComparison.Ordinal), lines);
    }

    [Fact]
    public async Task Json_nests_criteria_and_options_under_each_agency_month()
    {
        using var client = rated.Portal.CreatePortalClient();

        using var response = await client.GetAsync(new Uri("/du-lieu/ket-qua-danh-gia.json", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var months = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(7, months.Count);
        var noiVu = months.Single(month => month.GetProperty("agency_code").GetString() == "so-noi-vu" && month.GetProperty("month").GetInt32() == 11);
        Assert.Equal(10, noiVu.GetProperty("ratings").GetInt32());
        Assert.Equal(3, noiVu.GetProperty("dissatisfied").GetInt32());
        var index1 = noiVu.GetProperty("criteria").EnumerateArray().Single(criterion => criterion.GetProperty("criterion_code").GetString() == "chi-so-1");
        Assert.Equal(1, index1.GetProperty("tt01_index").GetInt32());
        Assert.Equal([4, 4, 2], index1.GetProperty("options").EnumerateArray().Select(option => option.GetProperty("count").GetInt32()));
        Assert.Equal([2, 1, 0], index1.GetProperty("options").EnumerateArray().Select(option => option.GetProperty("option_points").GetInt32()));

        var names = new HashSet<string>(StringComparer.Ordinal);
        Collect(json.RootElement, names);
        Assert.Subset(RatingOpenDataEndpoints.Columns.Select(column => column.Name).Append("criteria").Append("options").ToHashSet(StringComparer.Ordinal), names);
    }

    [Theory]
    [InlineData("/du-lieu/ket-qua-danh-gia.csv")]
    [InlineData("/du-lieu/ket-qua-danh-gia.json")]
    public async Task Unchanged_files_answer_304_to_their_etag_and_date(string url)
    {
        using var client = rated.Portal.CreatePortalClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);

        using var byTag = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        byTag.Headers.IfNoneMatch.Add(response.Headers.ETag);
        using var notModified = await client.SendAsync(byTag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var byDate = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        byDate.Headers.IfModifiedSince = response.Content.Headers.LastModified;
        using var notModifiedSince = await client.SendAsync(byDate);
        Assert.Equal(HttpStatusCode.NotModified, notModifiedSince.StatusCode);
    }

    [Fact]
    public async Task Data_page_documents_every_field_of_the_results_files()
    {
        using var client = rated.Portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/du-lieu");

        var documented = document.GetElementById("bang-truong-ket-qua")!.ParentElement!.QuerySelectorAll("tbody code").Select(code => code.TextContent);
        Assert.Equal(RatingOpenDataEndpoints.Columns.Select(column => column.Name), documented);
        Assert.NotNull(document.QuerySelector("a[href='/du-lieu/ket-qua-danh-gia.csv']"));
        Assert.NotNull(document.QuerySelector("a[href='/du-lieu/ket-qua-danh-gia.json']"));
    }

    private static void Collect(JsonElement element, HashSet<string> names)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, names);
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                names.Add(property.Name);
                Collect(property.Value, names);
            }
        }
    }
}
