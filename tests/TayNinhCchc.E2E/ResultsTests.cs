using TayNinhCchc.E2E.Infrastructure;
using TayNinhCchc.E2E.Journeys;
using Xunit.Abstractions;

namespace TayNinhCchc.E2E;

[Collection(PortalBrowserCollectionDefinition.Name)]
public sealed class ResultsTests(PortalBrowserFixture portal, ITestOutputHelper output)
{
    [BrowserTheory]
    [InlineData(360, 740)]
    [InlineData(1280, 900)]
    public async Task Ranking_leads_to_an_agency_with_labelled_charts_and_tables(int width, int height)
    {
        // Arrange
        await using var session = await portal.OpenAsync("results", width, height, output);
        var journey = new ResultsJourney(session.Page);
        await journey.OpenFromHeaderAsync();
        await session.ScreenshotAsync("01-ranking");
        await session.AuditAccessibilityAsync();
        Assert.Contains("Dữ liệu minh họa", await journey.DemoBannerAsync(), StringComparison.Ordinal);
        var (name, href) = await journey.FirstAgencyAsync();

        // Act
        await journey.OpenAsync(href);
        await session.ScreenshotAsync("02-agency");
        await session.AuditAccessibilityAsync();
        await journey.ChoosePeriodAsync(DateTime.UtcNow.AddHours(7).ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await session.ScreenshotAsync("03-agency-year");
        await session.AuditAccessibilityAsync();

        // Assert
        Assert.Equal(name, (await journey.HeadingAsync()).Trim());
        var charts = await journey.ChartNamesAsync();
        Assert.Equal(2, charts.Length);
        Assert.StartsWith("Tỷ lệ hài lòng theo tháng", charts[0], StringComparison.Ordinal);
        Assert.Contains("hài lòng (n = ", charts[0], StringComparison.Ordinal);
        Assert.StartsWith("Tỷ lệ các mức trả lời theo từng câu hỏi", charts[1], StringComparison.Ordinal);
        Assert.Contains("Câu 1 (", charts[1], StringComparison.Ordinal);
        Assert.Equal(12, await journey.MonthRowCountAsync());
        session.AssertNoAccessibilityViolations();
    }
}
