using System.Net;
using System.Text;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Accounts;
using TayNinhCchc.Web.Dashboard;

namespace TayNinhCchc.Web.Tests.Pages.QuanTri;

public sealed class ExportTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Comment = "=HYPERLINK(\"http://x\") gọi 0912345678 hỏi thủ tục";

    [Fact]
    public async Task Csv_is_utf8_with_bom_has_labels_and_masked_text_and_never_hashes()
    {
        var agency = portal.AgencyAt(6);
        var procedure = portal.ProcedureCodes(1)[0];
        var rating = await portal.AddRatingAsync(agency, procedure, Comment, satisfied: false);
        var email = await portal.CreateUserAsync(PortalRoles.AgencyStaff, agency);
        using var client = await portal.SignInAsync(email);

        using var response = await client.SubmitAsync("/quan-tri/xuat", Forms.Main, new Dictionary<string, string> { ["Input.Format"] = "csv" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith($"danh-gia-{agency}-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Số biên nhận,Ngày,Giờ,Mã cơ quan,Cơ quan,Mã thủ tục,Thủ tục,Cách nộp hồ sơ", lines[0], StringComparison.Ordinal);
        Assert.Contains(rating.Receipt, lines[1], StringComparison.Ordinal);
        Assert.Contains(",28/11/2026,10:00,", lines[1], StringComparison.Ordinal);
        Assert.Contains("Không hài lòng", lines[1], StringComparison.Ordinal);
        Assert.Contains("[đã ẩn số điện thoại]", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", text, StringComparison.Ordinal);
        // A comment that starts like a formula stays text in a spreadsheet.
        Assert.Contains("'=HYPERLINK", lines[1], StringComparison.Ordinal);
        await AssertNoHashAsync(rating, text);
        var audit = Assert.Single(await portal.AuditAsync(AuditAction.Exported), entry => entry.User == email);
        Assert.Equal(agency, audit.Target);
        Assert.Equal("CSV, 01/11/2026–28/11/2026, 1 phiếu", audit.Detail);
    }

    [Fact]
    public async Task Xlsx_opens_with_MiniExcel_and_holds_the_same_rows()
    {
        var agency = portal.AgencyAt(7);
        var rating = await portal.AddRatingAsync(agency, comment: Comment, satisfied: false);
        await portal.AddRatingAsync(agency);
        using var client = await portal.SignInNewUserAsync(PortalRoles.AgencyStaff, agency);

        using var response = await client.SubmitAsync("/quan-tri/xuat", Forms.Main, new Dictionary<string, string> { ["Input.Format"] = "xlsx" });

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        await using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        var row = rows.Single(candidate => (string)candidate["Số biên nhận"] == rating.Receipt);
        Assert.Equal("28/11/2026", row["Ngày"]);
        Assert.Equal(Comment.Replace("0912345678", "[đã ẩn số điện thoại]", StringComparison.Ordinal), row["Góp ý"]);
        Assert.Equal("Mới", row["Trạng thái góp ý"]);
        Assert.Contains(row.Values.OfType<string>(), value => value == "Không hài lòng");
        await AssertNoHashAsync(rating, string.Join('|', rows.SelectMany(candidate => candidate.Values.Select(value => value?.ToString()))));
        // Cells are plain strings: the comment that looks like a formula is not one.
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        using var sheet = new StreamReader(zip.Entries.Single(entry => entry.FullName.EndsWith("sheet1.xml", StringComparison.Ordinal)).Open());
        Assert.DoesNotContain("<x:f", await sheet.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_period_still_gives_a_file_with_its_header()
    {
        using var client = await portal.SignInNewUserAsync(PortalRoles.AgencyStaff, portal.AgencyAt(8));

        using var response = await client.SubmitAsync("/quan-tri/xuat", Forms.Main, new Dictionary<string, string>
        {
            ["Input.From"] = "2025-01-01",
            ["Input.To"] = "2025-01-31",
            ["Input.Format"] = "xlsx",
        });

        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var row = Assert.Single(stream.Query(useHeaderRow: false).Cast<IDictionary<string, object>>());
        Assert.Equal("Số biên nhận", row.Values.First());
    }

    [Fact]
    public async Task A_period_ending_before_it_starts_is_refused_in_Vietnamese()
    {
        using var client = await portal.SignInNewUserAsync(PortalRoles.AgencyStaff, portal.AgencyAt(8));

        using var response = await client.SubmitAsync("/quan-tri/xuat", Forms.Main, new Dictionary<string, string>
        {
            ["Input.From"] = "2026-11-20",
            ["Input.To"] = "2026-11-01",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Ngày kết thúc phải bằng hoặc sau ngày bắt đầu.", page.Text(".error-summary__list a"));
        Assert.Equal("#den-ngay", page.QuerySelector(".error-summary__list a")!.GetAttribute("href"));
    }

    private async Task AssertNoHashAsync(SeededRating rating, string exported)
    {
        var hashes = await portal.QueryAsync(db => db.Ratings.Where(r => r.Id == rating.Id).Select(r => new { r.ClientHash, r.DossierHash }).SingleAsync());
        Assert.NotNull(hashes.ClientHash);
        Assert.DoesNotContain(Convert.ToHexString(hashes.ClientHash!), exported, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(hashes.ClientHash!), exported, StringComparison.Ordinal);
    }
}
