using TayNinhCchc.E2E.Infrastructure;
using TayNinhCchc.E2E.Journeys;
using Xunit.Abstractions;

namespace TayNinhCchc.E2E;

[Collection(PortalBrowserCollectionDefinition.Name)]
public sealed class NotFoundTests(PortalBrowserFixture portal, ITestOutputHelper output)
{
    [BrowserTheory]
    [InlineData(360, 740)]
    [InlineData(1280, 900)]
    public async Task Unknown_address_gets_an_accessible_Vietnamese_404_page(int width, int height)
    {
        // Arrange
        await using var session = await portal.OpenAsync("not-found", width, height, output);
        var journey = new NotFoundJourney(session.Page);

        // Act
        var status = await journey.OpenMissingPageAsync();
        await session.ScreenshotAsync("01-404");
        await session.AuditAccessibilityAsync();

        // Assert
        Assert.Equal(404, status);
        Assert.Equal("Không tìm thấy trang", (await journey.HeadingAsync()).Trim());
        Assert.Equal(1, await journey.HomeLinkCountAsync());
        session.AssertNoAccessibilityViolations();
    }
}
