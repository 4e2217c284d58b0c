using TayNinhCchc.E2E.Infrastructure;
using TayNinhCchc.E2E.Journeys;
using Xunit.Abstractions;

namespace TayNinhCchc.E2E;

[Collection(PortalBrowserCollectionDefinition.Name)]
public sealed class KeyboardTests(PortalBrowserFixture portal, ITestOutputHelper output)
{
    [BrowserTheory]
    [InlineData(360, 740)]
    [InlineData(1280, 900)]
    public async Task First_Tab_reaches_the_skip_link_and_Enter_moves_focus_to_the_main_content(int width, int height)
    {
        // Arrange
        await using var session = await portal.OpenAsync("skip-link", width, height, output);
        var journey = new SkipLinkJourney(session.Page);
        await journey.OpenHomeAsync();

        // Act
        await journey.PressTabAsync();
        var afterTab = await journey.FocusedAsync();
        await session.ScreenshotAsync("01-tab");

        // Assert
        Assert.Equal(("a", SkipLinkJourney.SkipLinkText, "#noi-dung"), (afterTab.Tag, afterTab.Text, afterTab.Href));
        Assert.True(afterTab.InViewport, "The focused skip link is not drawn inside the viewport.");

        // Act
        await journey.PressEnterAsync();
        var afterEnter = await journey.FocusedAsync();

        // Assert
        Assert.Equal(("main", "noi-dung"), (afterEnter.Tag, afterEnter.Id));
        Assert.Equal("#noi-dung", journey.CurrentHash);
    }
}
