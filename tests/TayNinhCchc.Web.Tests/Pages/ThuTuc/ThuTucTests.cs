using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TayNinhCchc.Web.Tests.Content;

namespace TayNinhCchc.Web.Tests.Pages.ThuTuc;

/// <summary>The catalogue pages and open data over HTTP, on a small catalogue made for the test.</summary>
public sealed class ThuTucTests : IDisposable
{
    private readonly ContentFolder folder = new();
    private readonly PortalFactory portal;

    public ThuTucTests()
    {
        folder.Write("thu-tuc/1.001193.md", ContentFolder.Procedure("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch",
            extra: "agencies: [so-noi-vu]\nonline_level: toan-trinh\naudiences: [Công dân Việt Nam]\ndocuments:\n  - name: Tờ khai\n    originals: 1\n    copies: 0\n",
            body: "## Trình tự thực hiện\n\nNộp tờ khai."));
        folder.Write("thu-tuc/1.000894.md", ContentFolder.Procedure("1.000894", "Thủ tục đăng ký kết hôn", "Hộ tịch", extra: "online_level: mot-phan\n"));
        folder.Write("thu-tuc/2.000815.md", ContentFolder.Procedure("2.000815", "Chứng thực bản sao từ bản chính", "Chứng thực", levels: "[xa, huyen]"));
        folder.Write("thu-tuc/2.000884.md", ContentFolder.Procedure("2.000884", "Chứng thực chữ ký", "Chứng thực", levels: "[huyen]",
            extra: "levels_now: [xa]\nlevels_now_source: \"Quyết định thử số 2 (cấp xã)\"\ntime_limit: \"Trong 02 ngày làm việc\"\ntime_limit_days: 2\n"
                + "notes: \"Thời hạn cắt giảm từ 03 ngày xuống 02 ngày\"\nnot_published:\n  place: \"Tỉnh chưa công bố nơi nộp; hỏi Bộ phận Một cửa.\"\n"));
        for (var i = 0; i < 25; i++)
        {
            folder.Write($"thu-tuc/1.1000{i:00}.md", ContentFolder.Procedure($"1.1000{i:00}", $"Cấp phép thử số {i:00}", "Tài nguyên nước", levels: "[tinh]"));
        }

        portal = PortalFactory.ForContent(folder.Root);
    }

    public void Dispose()
    {
        portal.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task Search_without_diacritics_finds_and_highlights_the_procedure()
    {
        using var client = portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/thu-tuc?q=dang+ky+khai+sinh");

        var first = document.QuerySelector(".procedure-item__title a")!;
        Assert.Equal("/thu-tuc/1.001193", first.GetAttribute("href"));
        Assert.Equal(["đăng", "ký", "khai", "sinh"], first.QuerySelectorAll("mark").Select(mark => mark.TextContent));
    }

    [Fact]
    public async Task An_exact_code_redirects_to_the_procedure()
    {
        using var client = portal.CreatePortalClient();

        using var response = await client.GetAsync(new Uri("/thu-tuc?q=1.000894", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/thu-tuc/1.000894", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Filters_show_counts_and_keep_the_whole_state_in_the_url()
    {
        using var client = portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/thu-tuc?linh-vuc=ho-tich");

        Assert.Equal(2, document.QuerySelectorAll(".procedure-item").Length);
        var fieldLinks = document.QuerySelectorAll("#loc-linh-vuc + ul a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains(fieldLinks, text => text.StartsWith("Tài nguyên nước", StringComparison.Ordinal) && text.Contains("(25)", StringComparison.Ordinal));
        var onlineLinks = document.QuerySelectorAll("#loc-muc-do + ul a").ToList();
        var full = onlineLinks.Single(a => a.TextContent.Contains("toàn trình", StringComparison.Ordinal));
        Assert.Contains("(1)", full.TextContent, StringComparison.Ordinal);
        Assert.Equal("/thu-tuc?linh-vuc=ho-tich&muc-do=toan-trinh", full.GetAttribute("href"));
    }

    [Fact]
    public async Task Paging_splits_the_catalogue_twenty_a_page()
    {
        using var client = portal.CreatePortalClient();

        var first = await client.GetDocumentAsync("/thu-tuc");
        var second = await client.GetDocumentAsync("/thu-tuc?trang=2");

        Assert.Equal(20, first.QuerySelectorAll(".procedure-item").Length);
        Assert.Equal(9, second.QuerySelectorAll(".procedure-item").Length);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/thu-tuc?trang=3", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Nothing_found_suggests_a_spelling()
    {
        using var client = portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/thu-tuc?q=chuuung+thuuuc");

        Assert.Empty(document.QuerySelectorAll(".procedure-item"));
        Assert.Contains("chung thuc", document.Text(".notice"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_page_shows_every_field_unknowns_and_a_qr_code()
    {
        using var client = portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/thu-tuc/1.001193");

        Assert.Equal("Thủ tục đăng ký khai sinh", document.Text("h1"));
        Assert.Contains("Chưa cập nhật", document.Text("dl.facts"), StringComparison.Ordinal);
        Assert.Equal("/co-quan/so-noi-vu", document.QuerySelector("dl.facts a[href^='/co-quan/']")?.GetAttribute("href"));
        Assert.Equal("Tờ khai", document.QuerySelector("table.checklist tbody td:nth-child(2)")?.TextContent);
        Assert.NotNull(document.QuerySelector(".procedure__qr svg[role=img][aria-label]"));
        Assert.Contains("Nộp tờ khai.", document.Text(".prose"), StringComparison.Ordinal);
        Assert.Contains("không phải văn bản công bố của tỉnh Tây Ninh", document.Text(".notice"), StringComparison.Ordinal);

        var checklist = await client.GetDocumentAsync("/thu-tuc/1.001193/giay-to-can-mang");
        Assert.StartsWith("Giấy tờ cần mang", checklist.Text("h1"), StringComparison.Ordinal);
        Assert.DoesNotContain("Phí, lệ phí", checklist.Text("article"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_page_gives_the_units_the_notes_the_level_after_2025_and_why_a_fact_is_not_published()
    {
        using var client = portal.CreatePortalClient();

        var district = await client.GetDocumentAsync("/thu-tuc/2.000884");
        var facts = district.Text("dl.facts");
        Assert.Contains("Trong 02 ngày làm việc", facts, StringComparison.Ordinal);
        Assert.DoesNotContain("(2 ngày làm việc)", facts, StringComparison.Ordinal); // the text already gives the unit
        Assert.Contains("Thời hạn cắt giảm từ 03 ngày xuống 02 ngày", facts, StringComparison.Ordinal);
        Assert.Contains("Chưa công bố: Tỉnh chưa công bố nơi nộp; hỏi Bộ phận Một cửa.", facts, StringComparison.Ordinal);
        var notices = string.Join(" ", district.QuerySelectorAll(".notice").Select(notice => notice.TextContent));
        Assert.Contains("Cấp huyện không còn từ ngày 01/7/2025", notices, StringComparison.Ordinal);
        Assert.Contains("Cấp xã", notices, StringComparison.Ordinal);
        Assert.Contains("Quyết định thử số 2 (cấp xã)", notices, StringComparison.Ordinal);

        var unknownNow = await client.GetDocumentAsync("/thu-tuc/2.000815");
        Assert.Contains("Chưa có văn bản nêu cấp nào nhận thủ tục này hiện nay",
            string.Join(" ", unknownNow.QuerySelectorAll(".notice").Select(notice => notice.TextContent)), StringComparison.Ordinal);

        var commune = await client.GetDocumentAsync("/thu-tuc/1.001193");
        Assert.DoesNotContain("Cấp huyện không còn", commune.Text("article"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/thu-tuc/9.999999")]
    [InlineData("/thu-tuc/khong-phai-ma")]
    [InlineData("/thu-tuc/1.001193/trang-khac")]
    public async Task Unknown_procedures_are_404(string url)
    {
        using var client = portal.CreatePortalClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Open_data_json_lists_every_procedure_and_honours_the_etag()
    {
        using var client = portal.CreatePortalClient();

        using var response = await client.GetAsync(new Uri("/du-lieu/thu-tuc.json", UriKind.Relative));

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(29, json.RootElement.GetArrayLength());
        Assert.Contains(json.RootElement.EnumerateArray(), item => item.GetProperty("code").GetString() == "1.001193"
            && item.GetProperty("online_level").GetString() == "toan-trinh" && item.GetProperty("url").GetString() == "/thu-tuc/1.001193");
        Assert.NotNull(response.Content.Headers.LastModified);

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/du-lieu/thu-tuc.json", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task Open_data_csv_starts_with_a_byte_order_mark_for_excel()
    {
        using var client = portal.CreatePortalClient();

        var bytes = await client.GetByteArrayAsync(new Uri("/du-lieu/thu-tuc.csv", UriKind.Relative));

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("code,name,field,levels", lines[0], StringComparison.Ordinal);
        Assert.Equal(30, lines.Length);
        Assert.Contains(lines, line => line.StartsWith("2.000815,Chứng thực bản sao từ bản chính,Chứng thực,xa;huyen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_procedure_is_in_the_sitemap()
    {
        using var client = portal.CreatePortalClient();

        var sitemap = await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative));

        Assert.Contains("/thu-tuc/1.001193</loc>", sitemap, StringComparison.Ordinal);
        Assert.Contains("/thu-tuc/1.100024</loc>", sitemap, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agency_page_lists_its_procedures()
    {
        using var client = portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/co-quan/so-noi-vu");

        Assert.Equal("/thu-tuc/1.001193", document.QuerySelector("#thu-tuc-thuc-hien + ul a")?.GetAttribute("href"));
    }
}

/// <summary>Cached pages must still change right after their content file changes.</summary>
public sealed class ThuTucCacheTests : IDisposable
{
    private readonly ContentFolder folder = new();
    private readonly PortalFactory portal;

    public ThuTucCacheTests()
    {
        folder.Write("thu-tuc/1.001193.md", ContentFolder.Procedure("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch"));
        portal = PortalFactory.ForContent(folder.Root, watchContent: true);
    }

    public void Dispose()
    {
        portal.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task An_edited_procedure_shows_on_the_next_request_despite_the_output_cache()
    {
        using var client = portal.CreatePortalClient();
        Assert.Equal("Thủ tục đăng ký khai sinh", (await client.GetDocumentAsync("/thu-tuc/1.001193")).Text("h1"));
        using (var cached = await client.GetAsync(new Uri("/thu-tuc/1.001193", UriKind.Relative)))
        {
            Assert.True(cached.Headers.Age.HasValue, "the second request was not served from the output cache");
        }

        folder.Write("thu-tuc/1.001193.md", ContentFolder.Procedure("1.001193", "Thủ tục đăng ký khai sinh (đã sửa)", "Hộ tịch"));

        string? heading = null;
        for (var waited = 0; waited < 10_000 && heading != "Thủ tục đăng ký khai sinh (đã sửa)"; waited += 100)
        {
            await Task.Delay(100);
            heading = (await client.GetDocumentAsync("/thu-tuc/1.001193")).Text("h1");
        }

        Assert.Equal("Thủ tục đăng ký khai sinh (đã sửa)", heading);
    }
}
