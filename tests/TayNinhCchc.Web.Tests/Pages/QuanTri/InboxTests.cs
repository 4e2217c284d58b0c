using System.Net;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Accounts;
using TayNinhCchc.Web.Dashboard;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Tests.Pages.QuanTri;

public sealed class InboxTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Inbox_lists_comments_and_reasons_newest_first_but_not_silent_ratings()
    {
        var agency = portal.AgencyAt(2);
        var older = await portal.AddRatingAsync(agency, comment: "Góp ý cũ hơn");
        portal.Time.Advance(TimeSpan.FromMinutes(5));
        var reasonsOnly = await portal.AddRatingAsync(agency, satisfied: false);
        portal.Time.Advance(TimeSpan.FromMinutes(5));
        var newer = await portal.AddRatingAsync(agency, comment: "Góp ý mới hơn");
        var silent = await portal.AddRatingAsync(agency);
        using var client = await portal.SignInNewUserAsync(PortalRoles.AgencyStaff, agency);

        var inbox = await client.GetDocumentAsync("/quan-tri/gop-y");

        var items = inbox.QuerySelectorAll(".inbox__item").Select(item => item.TextContent).ToList();
        Assert.Equal(3, items.Count);
        Assert.Contains(newer.Receipt, items[0], StringComparison.Ordinal);
        Assert.Contains(reasonsOnly.Receipt, items[1], StringComparison.Ordinal);
        Assert.Contains(older.Receipt, items[2], StringComparison.Ordinal);
        Assert.DoesNotContain(silent.Receipt, inbox.Body!.TextContent, StringComparison.Ordinal);
        // The reason was stored masked; the inbox shows exactly that.
        Assert.Contains("[đã ẩn số điện thoại]", items[1], StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", inbox.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_changes_and_notes_are_saved_audited_and_shown()
    {
        var agency = portal.AgencyAt(3);
        var rating = await portal.AddRatingAsync(agency, comment: "Cán bộ hướng dẫn chưa rõ");
        var email = await portal.CreateUserAsync(PortalRoles.AgencyStaff, agency);
        using var client = await portal.SignInAsync(email);
        var url = $"/quan-tri/gop-y/{rating.Id}";

        using var seen = await client.SubmitAsync(url, "form[action*='handler=State']", new Dictionary<string, string> { ["NewState"] = "da-xem" });
        using var noted = await client.SubmitAsync(url, "form[action*='handler=Note']", new Dictionary<string, string> { ["NoteText"] = "Đã gọi lại cho người dân qua số 0987654321." });
        using var answered = await client.SubmitAsync(url, "form[action*='handler=State']", new Dictionary<string, string> { ["NewState"] = "da-phan-hoi" });
        var page = await client.GetDocumentAsync(url);

        Assert.Equal(url, seen.Location());
        Assert.Equal(url + "#ghi-chu-noi-bo", noted.Location());
        Assert.Equal(CommentState.Answered, await portal.QueryAsync(db => db.Ratings.Where(r => r.Id == rating.Id).Select(r => r.CommentState).SingleAsync()));
        var note = await portal.QueryAsync(db => db.RatingNotes.AsNoTracking().SingleAsync(n => n.RatingId == rating.Id));
        Assert.Equal("Đã gọi lại cho người dân qua số [đã ẩn số điện thoại].", note.Text);
        Assert.Equal((await portal.UserAsync(email)).Id, note.AuthorId);
        Assert.Equal(portal.Time.GetUtcNow().UtcDateTime, note.CreatedAt);
        Assert.Equal("Đã phản hồi", page.Text(".facts .state"));
        Assert.Contains("[đã ẩn số điện thoại]", page.Text(".notes"), StringComparison.Ordinal);
        Assert.True(page.QuerySelector("input[name=NewState][value=da-phan-hoi]")!.HasAttribute("checked"));
        var changes = (await portal.AuditAsync(AuditAction.CommentStateChanged)).Where(entry => entry.Target == rating.Receipt).Select(entry => entry.Detail).ToList();
        Assert.Equal(["Mới → Đã xem", "Đã xem → Đã phản hồi"], changes);
        Assert.Single(await portal.AuditAsync(AuditAction.NoteAdded), entry => entry.Target == rating.Receipt && entry.User == email);
    }

    [Fact]
    public async Task Empty_note_and_unknown_state_get_Vietnamese_errors_and_change_nothing()
    {
        var agency = portal.AgencyAt(4);
        var rating = await portal.AddRatingAsync(agency, comment: "Góp ý");
        using var client = await portal.SignInNewUserAsync(PortalRoles.AgencyStaff, agency);
        var url = $"/quan-tri/gop-y/{rating.Id}";

        using var note = await client.SubmitAsync(url, "form[action*='handler=Note']", new Dictionary<string, string> { ["NoteText"] = "   " });
        using var state = await client.SubmitAsync(url, "form[action*='handler=State']", new Dictionary<string, string> { ["NewState"] = "xoa" });

        Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        Assert.Equal("Nhập nội dung ghi chú.", (await Html.ParseAsync(note)).Text(".error-summary__list a"));
        Assert.Equal("Chọn trạng thái mới của góp ý.", (await Html.ParseAsync(state)).Text(".error-summary__list a"));
        Assert.Equal(0, await portal.QueryAsync(db => db.RatingNotes.CountAsync(n => n.RatingId == rating.Id)));
        Assert.Equal(CommentState.New, await portal.QueryAsync(db => db.Ratings.Where(r => r.Id == rating.Id).Select(r => r.CommentState).SingleAsync()));
    }

    [Fact]
    public async Task Filters_by_state_procedure_and_date_keep_each_other_in_the_paging_links()
    {
        var agency = portal.AgencyAt(5);
        var procedures = portal.ProcedureCodes(2);
        var first = await portal.AddRatingAsync(agency, procedures[0], comment: "Thủ tục một");
        var second = await portal.AddRatingAsync(agency, procedures[1], comment: "Thủ tục hai");
        var email = await portal.CreateUserAsync(PortalRoles.AgencyStaff, agency);
        using var client = await portal.SignInAsync(email);
        using (await client.SubmitAsync($"/quan-tri/gop-y/{second.Id}", "form[action*='handler=State']", new Dictionary<string, string> { ["NewState"] = "da-xem" }))
        {
        }

        var today = VietnamClock.Today(portal.Time).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var byProcedure = await client.GetDocumentAsync($"/quan-tri/gop-y?thu-tuc={procedures[0]}");
        var newOnly = await client.GetDocumentAsync("/quan-tri/gop-y?trang-thai=moi");
        var seenOnly = await client.GetDocumentAsync("/quan-tri/gop-y?trang-thai=da-xem");
        var sameDay = await client.GetDocumentAsync($"/quan-tri/gop-y?tu-ngay={today}&den-ngay={today}");
        var tomorrow = await client.GetDocumentAsync($"/quan-tri/gop-y?tu-ngay={VietnamClock.Today(portal.Time).AddDays(1):yyyy-MM-dd}");

        Assert.Equal([first.Receipt], Receipts(byProcedure));
        Assert.Contains(first.Receipt, Receipts(newOnly));
        Assert.DoesNotContain(second.Receipt, Receipts(newOnly));
        Assert.Equal([second.Receipt], Receipts(seenOnly));
        Assert.Contains(first.Receipt, Receipts(sameDay));
        Assert.Empty(Receipts(tomorrow));
        Assert.True(byProcedure.QuerySelector($"#thu-tuc option[value='{procedures[0]}']")!.HasAttribute("selected"));
    }

    [Fact]
    public async Task An_impossible_date_is_reported_beside_the_field()
    {
        using var client = await portal.SignInNewUserAsync(PortalRoles.AgencyStaff, portal.AgencyAt(5));

        var page = await client.GetDocumentAsync("/quan-tri/gop-y?tu-ngay=2026-02-30&den-ngay=2026-01-01");

        Assert.StartsWith("Lỗi: ", page.Title, StringComparison.Ordinal);
        Assert.Equal("#tu-ngay", page.QuerySelector(".error-summary__list a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#tu-ngay-error"));
        Assert.Empty(page.QuerySelectorAll(".inbox__item"));
    }

    private static List<string> Receipts(AngleSharp.Dom.IDocument document) =>
        document.QuerySelectorAll(".inbox__meta")
            .Select(meta => System.Text.RegularExpressions.Regex.Match(meta.TextContent, "DG-[0-9A-Z]{4}-[0-9A-Z]{4}").Value)
            .ToList();
}
