using TayNinhCchc.E2E.Infrastructure;
using TayNinhCchc.E2E.Journeys;
using Xunit.Abstractions;

namespace TayNinhCchc.E2E;

[Collection(PortalBrowserCollectionDefinition.Name)]
public sealed class AgencyTests(PortalBrowserFixture portal, ITestOutputHelper output)
{
    [BrowserTheory]
    [InlineData(360, 740)]
    [InlineData(1280, 900)]
    public async Task Agency_page_lists_the_tasks_the_agency_leads(int width, int height)
    {
        // Arrange
        await using var session = await portal.OpenAsync("agency-tasks", width, height, output);
        var journey = new AgencyJourney(session.Page);
        await journey.OpenDirectoryAsync();
        await session.ScreenshotAsync("01-directory");
        await session.AuditAccessibilityAsync();
        var agency = await journey.FindOperatingAgencyWithTasksAsync();
        Assert.True(agency is not null, "No operating agency with lead tasks is listed on /co-quan.");

        // Act
        await journey.OpenAgencyAsync(agency);
        await session.ScreenshotAsync("02-agency");
        await session.AuditAccessibilityAsync();

        // Assert
        Assert.Equal(agency.Name, (await journey.HeadingAsync()).Trim());
        var taskCount = await journey.LeadTaskCountAsync();
        Assert.True(taskCount > 0, $"{agency.Href} lists no lead tasks.");
        Assert.Contains($"({taskCount})", await journey.LeadTaskHeadingAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await journey.ClosedNoticeCountAsync());
        session.AssertNoAccessibilityViolations();
    }

    [BrowserTheory]
    [InlineData(360, 740)]
    [InlineData(1280, 900)]
    public async Task District_unit_page_says_the_unit_no_longer_operates(int width, int height)
    {
        // Arrange
        await using var session = await portal.OpenAsync("agency-closed-district", width, height, output);
        var journey = new AgencyJourney(session.Page);
        await journey.Open2020DirectoryAsync();
        var unit = await journey.FindClosedDistrictUnitAsync();
        Assert.True(unit is not null, "No district unit marked 'Đến …' is listed on /co-quan.");
        output.WriteLine($"District unit: {unit.Href}");

        // Act
        await journey.OpenAgencyAsync(unit);
        await session.ScreenshotAsync("01-district-unit");
        await session.AuditAccessibilityAsync();

        // Assert
        Assert.Contains("không còn hoạt động", await journey.ClosedNoticeAsync(), StringComparison.Ordinal);
        session.AssertNoAccessibilityViolations();
    }
}
