using TayNinhCchc.E2E.Infrastructure;
using TayNinhCchc.E2E.Journeys;
using Xunit.Abstractions;

namespace TayNinhCchc.E2E;

[Collection(PortalBrowserCollectionDefinition.Name)]
public sealed class StaffTests(PortalBrowserFixture portal, ITestOutputHelper output)
{
    /// <summary>An agency no other browser test rates, so the counts below move only because of this test.</summary>
    private const string Agency = "so-noi-vu";

    private const string Phone = "0912345678";

    private const string IdentityNumber = "072123456789";

    [BrowserFact]
    public async Task Citizen_rating_on_a_phone_reaches_the_results_and_the_agency_inbox_with_personal_data_masked()
    {
        // Arrange
        var staff = await portal.CreateStaffAccountAsync(Agency);
        await using var session = await portal.OpenAsync("staff", 360, 740, output);
        var results = new ResultsJourney(session.Page);
        var survey = new SurveyJourney(session.Page);
        var dashboard = new StaffJourney(session.Page);
        await results.OpenAgencyAsync(Agency);
        var periodBefore = await results.PeriodCountAsync();
        var monthBefore = await results.LastMonthCountAsync();
        output.WriteLine($"Before: n = {periodBefore} in the period, {monthBefore.Count} in {monthBefore.Month}.");

        // Act: a citizen rates the agency, with a phone and a CCCD number in the comment
        await survey.OpenAsync();
        await session.ScreenshotAsync("01-form");
        await session.AuditAccessibilityAsync();
        await survey.ChooseAgencyAsync(Agency);
        await survey.AnswerAsync("Bạn đã nộp hồ sơ", "Trực tuyến (dịch vụ công trực tuyến)");
        await survey.AnswerAsync("1. ", "Bằng thời gian quy định");
        await survey.AnswerAsync("2. ", "Bằng thời hạn");
        await survey.AnswerAsync("3. ", "Chỉ phải liên hệ một lần");
        await survey.AnswerAsync("4. ", "Không phải liên hệ cơ quan nào");
        await survey.AnswerAsync("6. ", "Công khai chính xác, đầy đủ, kịp thời bằng cả niêm yết và điện tử");
        await survey.AnswerAsync("7. ", "Trả kết quả đúng hạn, không có nhũng nhiễu, gây phiền hà");
        await survey.AnswerAsync("10. ", "Rất hài lòng");
        await survey.AnswerAsync("11. ", "Rất hài lòng");
        await survey.TypeCommentAsync($"Gọi tôi {Phone}, CCCD {IdentityNumber}");
        await survey.ConsentAsync();
        await survey.SubmitAsync();
        await session.ScreenshotAsync("02-receipt");
        await session.AuditAccessibilityAsync();

        // Assert
        Assert.Contains("/danh-gia/cam-on?so=", survey.Url, StringComparison.Ordinal);
        var receipt = await survey.ReceiptAsync();
        Assert.Matches("^DG-[0-9A-Z]{4}-[0-9A-Z]{4}$", receipt);

        // Act: the public results page of the agency
        await results.OpenAgencyAsync(Agency);
        await session.ScreenshotAsync("03-results");
        await session.AuditAccessibilityAsync();

        // Assert
        Assert.Equal(periodBefore + 1, await results.PeriodCountAsync());
        var monthAfter = await results.LastMonthCountAsync();
        Assert.Equal((monthBefore.Month, monthBefore.Count + 1), monthAfter);

        // Act: a staff member of the agency signs in with the keyboard only
        await dashboard.OpenLoginAsync();
        await session.ScreenshotAsync("04-login");
        await session.AuditAccessibilityAsync();
        Assert.Equal(StaffJourney.LoginHeading, (await dashboard.HeadingAsync()).Trim());
        await dashboard.SignInWithKeyboardAsync(staff.Email, staff.Password);
        await session.ScreenshotAsync("05-overview");
        await session.AuditAccessibilityAsync();

        // Assert
        Assert.Equal($"Cán bộ kiểm thử {Agency}", (await dashboard.SignedInAsAsync()).Trim());

        // Act: the comment inbox
        await dashboard.OpenInboxAsync();
        await session.ScreenshotAsync("06-inbox");
        await session.AuditAccessibilityAsync();

        // Assert
        Assert.Equal(StaffJourney.InboxHeading, (await dashboard.HeadingAsync()).Trim());
        Assert.Equal("Gọi tôi [đã ẩn số điện thoại], CCCD [đã ẩn số CCCD/CMND]", (await dashboard.InboxTextAsync(receipt)).Trim());
        var html = await dashboard.HtmlAsync();
        Assert.DoesNotContain(Phone, html, StringComparison.Ordinal);
        Assert.DoesNotContain(IdentityNumber, html, StringComparison.Ordinal);
        session.AssertNoAccessibilityViolations();
    }
}
