using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.Tests.Pages.DanhGia;

/// <summary>
/// The shipped register and criteria sets on either side of 01/7/2025 (Vietnam time), with the clock faked: the agencies
/// offered, their groups and the criteria version all change as the register says, and each rating keeps the version
/// in force when it was given.
/// </summary>
public sealed class ReorganisationDayTests
{
    private static readonly DateTimeOffset LastOldDay = new(2025, 6, 30, 3, 0, 0, TimeSpan.Zero);   // 30/6/2025, 10:00 in Vietnam
    private static readonly DateTimeOffset FirstNewDay = new(2025, 6, 30, 17, 30, 0, TimeSpan.Zero); // 01/7/2025, 00:30 in Vietnam

    [Fact]
    public async Task On_30_june_2025_the_old_province_is_offered_under_tt01_2018()
    {
        using var portal = PortalFactory.ForContent(RepositoryPaths.Content, now: LastOldDay);
        var document = await portal.CreatePortalClient().GetDocumentAsync("/danh-gia");

        Assert.Equal(
            ["Cấp tỉnh (sở, ban, ngành, Trung tâm Phục vụ hành chính công tỉnh)", "Cơ quan ngành dọc", "Cấp huyện"],
            document.QuerySelectorAll("#agency optgroup").Select(group => group.GetAttribute("label")));
        var offered = Offered(document);
        Assert.Contains("so-tai-nguyen-va-moi-truong", offered);
        Assert.Contains("so-thong-tin-va-truyen-thong", offered);
        Assert.Contains("ubnd-huyen-go-dau", offered);
        Assert.Contains("cuc-thue", offered);
        Assert.DoesNotContain("phuong-long-hoa", offered);
        Assert.DoesNotContain("thue-tinh-tay-ninh", offered);
        Assert.DoesNotContain("hdnd-tinh", offered);
        Assert.DoesNotContain("bao-tay-ninh", offered);
        Assert.Equal("tt01-2018-v1", document.QuerySelector("input[name='Input.Version']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task On_1_july_2025_the_new_province_is_offered_under_nd118_2025()
    {
        using var portal = PortalFactory.ForContent(RepositoryPaths.Content, now: FirstNewDay);
        var document = await portal.CreatePortalClient().GetDocumentAsync("/danh-gia");

        Assert.Equal(
            ["Cấp tỉnh (sở, ban, ngành, Trung tâm Phục vụ hành chính công tỉnh)", "Cấp xã (xã, phường)", "Cơ quan ngành dọc"],
            document.QuerySelectorAll("#agency optgroup").Select(group => group.GetAttribute("label")));
        var offered = Offered(document);
        Assert.Contains("phuong-long-hoa", offered);
        Assert.Contains("thue-tinh-tay-ninh", offered);
        Assert.Contains("so-nong-nghiep-va-moi-truong", offered);
        Assert.Contains("so-noi-vu", offered); // same code, the new province's Sở Nội vụ
        foreach (var gone in new[] { "so-tai-nguyen-va-moi-truong", "so-thong-tin-va-truyen-thong", "ubnd-huyen-go-dau", "cuc-thue", "ubnd-tinh", "ubnd-tinh-tay-ninh-2025", "bao-va-phat-thanh-truyen-hinh-tay-ninh" })
        {
            Assert.DoesNotContain(gone, offered);
        }

        Assert.Equal("nd118-2025-v1", document.QuerySelector("input[name='Input.Version']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Each_rating_keeps_the_version_and_agency_code_in_force_when_it_was_given()
    {
        using var portal = PortalFactory.ForContent(RepositoryPaths.Content, now: LastOldDay);
        var client = portal.CreatePortalClient();

        using (var before = await (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).Set("Input.Agency", "cuc-thue").PostAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        }

        portal.Time.SetUtcNow(FirstNewDay);
        var stale = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).Set("Input.Agency", "cuc-thue");
        using (var refused = await stale.PostAsync(client))
        {
            // Cục Thuế ended on 30/6/2025: no longer offered, the form says so and nothing is stored.
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        using (var after = await (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).Set("Input.Agency", "phuong-long-hoa").PostAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        }

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var ratings = await db.Ratings.OrderBy(rating => rating.Id).Select(rating => new { rating.AgencyCode, rating.CriteriaVersion }).ToListAsync();
        Assert.Equal([("cuc-thue", "tt01-2018-v1"), ("phuong-long-hoa", "nd118-2025-v1")], ratings.Select(rating => (rating.AgencyCode, rating.CriteriaVersion)));
    }

    private static List<string?> Offered(AngleSharp.Dom.IDocument document) =>
        document.QuerySelectorAll("#agency option").Select(option => option.GetAttribute("value")).Where(value => value is { Length: > 0 }).ToList();
}
