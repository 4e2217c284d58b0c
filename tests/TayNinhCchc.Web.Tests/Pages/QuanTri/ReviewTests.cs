using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Accounts;
using TayNinhCchc.Web.Dashboard;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Tests.Pages.QuanTri;

public sealed class ReviewTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Accepting_a_flagged_rating_counts_it_once_in_the_tallies()
    {
        var agency = portal.AgencyAt(9);
        var procedure = portal.ProcedureCodes(1)[0];
        await portal.AddRatingAsync(agency, procedure);
        var flagged = await portal.AddRatingAsync(agency, procedure, comment: "Phiếu nghi gửi tự động", flags: ["too-fast"]);
        var before = await TalliesAsync(agency);
        var email = await portal.CreateUserAsync(PortalRoles.Administrator);
        using var client = await portal.SignInAsync(email);
        var page = await client.GetDocumentAsync("/quan-tri/kiem-duyet");
        var accept = $"form[action*='handler=Accept'][action*='id={flagged.Id}']";

        using var response = await client.SubmitAsync(page, accept);
        var firstView = await client.GetDocumentAsync("/quan-tri/kiem-duyet");
        using var again = await client.SubmitAsync(page, accept);
        var secondView = await client.GetDocumentAsync("/quan-tri/kiem-duyet");

        var rating = await portal.QueryAsync(db => db.Ratings.AsNoTracking().SingleAsync(r => r.Id == flagged.Id));
        Assert.Equal(ReviewState.Accepted, rating.ReviewState);
        Assert.True(rating.CountsInStatistics);
        Assert.Equal((before.Agency + 1, before.Procedure + 1, before.Answers + CriteriaCount()), await TalliesAsync(agency));
        Assert.Equal($"Đã chấp nhận phiếu {flagged.Receipt}; phiếu được tính vào thống kê.", firstView.Text(".notice--success"));
        Assert.Contains("đã được kiểm duyệt trước đó", secondView.Text(".notice--success"), StringComparison.Ordinal);
        Assert.DoesNotContain(secondView.QuerySelectorAll(".inbox__item"), item => item.TextContent.Contains(flagged.Receipt, StringComparison.Ordinal));
        var entry = Assert.Single(await portal.AuditAsync(AuditAction.RatingAccepted), candidate => candidate.Target == flagged.Receipt);
        Assert.Equal(email, entry.User);
    }

    [Fact]
    public async Task Rejecting_a_flagged_rating_keeps_it_out_of_the_tallies()
    {
        var agency = portal.AgencyAt(10);
        var flagged = await portal.AddRatingAsync(agency, comment: "Phiếu gửi lặp", flags: ["missing-token"]);
        var before = await TalliesAsync(agency);
        using var client = await portal.SignInNewUserAsync(PortalRoles.Administrator);

        using var response = await client.SubmitAsync("/quan-tri/kiem-duyet", $"form[action*='handler=Reject'][action*='id={flagged.Id}']");

        var rating = await portal.QueryAsync(db => db.Ratings.AsNoTracking().SingleAsync(r => r.Id == flagged.Id));
        Assert.Equal(ReviewState.Rejected, rating.ReviewState);
        Assert.False(rating.CountsInStatistics);
        Assert.Equal(before, await TalliesAsync(agency));
        Assert.Single(await portal.AuditAsync(AuditAction.RatingRejected), candidate => candidate.Target == flagged.Receipt);
        using var staff = await portal.SignInNewUserAsync(PortalRoles.AgencyStaff, agency);
        using var hidden = await staff.GetAsync(new Uri($"/quan-tri/gop-y/{flagged.Id}", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task The_queue_shows_each_flagged_rating_with_its_reasons()
    {
        var flagged = await portal.AddRatingAsync(portal.AgencyAt(11), comment: "Nội dung lạ", flags: ["too-fast", "honeypot"]);
        using var client = await portal.SignInNewUserAsync(PortalRoles.Administrator);

        var page = await client.GetDocumentAsync("/quan-tri/kiem-duyet");

        var item = page.QuerySelectorAll(".inbox__item").Single(candidate => candidate.TextContent.Contains(flagged.Receipt, StringComparison.Ordinal));
        Assert.Equal(["too-fast", "honeypot"], item.QuerySelectorAll(".flag code").Select(code => code.TextContent));
        // Reviewers read what each code means, in Vietnamese.
        Assert.Contains("Biểu mẫu được gửi quá nhanh sau khi mở.", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ô ẩn dành cho chương trình tự động đã bị điền.", item.TextContent, StringComparison.Ordinal);
    }

    private int CriteriaCount() =>
        portal.Services.GetRequiredService<Web.Content.ContentLibrary>().Current.CriteriaSetOn(VietnamClock.Today(portal.Time))!.Criteria.Count;

    private Task<(int Agency, int Procedure, int Answers)> TalliesAsync(string agency) => portal.QueryAsync(async db => (
        await db.RatingTallies.Where(t => t.AgencyCode == agency && t.ProcedureCode == string.Empty).SumAsync(t => t.Ratings),
        await db.RatingTallies.Where(t => t.AgencyCode == agency && t.ProcedureCode != string.Empty).SumAsync(t => t.Ratings),
        await db.AnswerTallies.Where(t => t.AgencyCode == agency).SumAsync(t => t.Count)));
}
