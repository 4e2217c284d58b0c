using TayNinhCchc.E2E.Infrastructure;
using TayNinhCchc.E2E.Journeys;
using Xunit.Abstractions;

namespace TayNinhCchc.E2E;

[Collection(PortalBrowserCollectionDefinition.Name)]
public sealed class SurveyTests(PortalBrowserFixture portal, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task Citizen_on_a_phone_rates_a_procedure_fixes_a_mistake_and_gets_a_receipt()
    {
        // Arrange
        await using var session = await portal.OpenAsync("survey", 360, 740, output);
        var journey = new SurveyJourney(session.Page);

        // Act
        await journey.OpenFromProcedureAsync("1.001193");
        await session.ScreenshotAsync("01-form");
        await session.AuditAccessibilityAsync();
        await journey.ChooseAgencyAsync("so-tu-phap");
        await journey.AnswerAsync("Bạn đã nộp hồ sơ", "Trực tiếp tại Bộ phận Một cửa");
        await journey.AnswerAsync("1. ", "Bằng thời gian quy định");
        await journey.AnswerAsync("2. ", "Bằng thời hạn");
        await journey.AnswerAsync("3. ", "Chỉ phải liên hệ một lần");
        await journey.AnswerAsync("4. ", "Không phải liên hệ cơ quan nào");
        await journey.AnswerAsync("6. ", "Công khai chính xác, đầy đủ, kịp thời bằng cả niêm yết và điện tử");
        await journey.AnswerAsync("7. ", "Trả kết quả đúng hạn, không có nhũng nhiễu, gây phiền hà");
        await journey.AnswerAsync("10. ", "Hài lòng");
        await journey.AnswerAsync("11. ", "Rất hài lòng");
        await journey.TypeDossierAsync("000.00.19.H57-E2E-0001");
        await journey.TypeCommentAsync("Cán bộ hướng dẫn tận tình. Liên hệ tôi: 0912 345 678");
        await journey.SubmitAsync();
        await session.ScreenshotAsync("02-error");
        await session.AuditAccessibilityAsync();

        // Assert
        Assert.Equal("1.001193", await journey.ProcedureCodeAsync());
        Assert.Equal(["Đánh dấu vào ô đồng ý để gửi đánh giá, sau khi đọc thông báo về dữ liệu cá nhân."], await journey.ErrorSummaryAsync());

        // Act
        await journey.ConsentAsync();
        await journey.SubmitAsync();
        await session.ScreenshotAsync("03-receipt");
        await session.AuditAccessibilityAsync();

        // Assert
        Assert.Contains("/danh-gia/cam-on?so=", journey.Url, StringComparison.Ordinal);
        var receipt = await journey.ReceiptAsync();
        Assert.Matches("^DG-[0-9A-Z]{4}-[0-9A-Z]{4}$", receipt);
        Assert.Null(await portal.FlagReasonsAsync(receipt)); // the re-rendered form's new challenge was solved too
        session.AssertNoAccessibilityViolations();
    }

    [BrowserFact]
    public async Task Citizen_completes_the_survey_with_the_keyboard_only()
    {
        // Arrange
        await using var session = await portal.OpenAsync("survey-keyboard", 360, 740, output);
        var journey = new SurveyJourney(session.Page);
        await journey.OpenAsync();

        // Act
        await journey.CompleteWithKeyboardAsync("000.00.19.H57-E2E-KEYS");
        await session.ScreenshotAsync("01-receipt");
        await session.AuditAccessibilityAsync();

        // Assert
        var receipt = await journey.ReceiptAsync();
        Assert.Matches("^DG-[0-9A-Z]{4}-[0-9A-Z]{4}$", receipt);
        Assert.Null(await portal.FlagReasonsAsync(receipt));
        session.AssertNoAccessibilityViolations();
    }
}
