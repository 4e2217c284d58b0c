using TayNinhCchc.E2E.Infrastructure;
using TayNinhCchc.E2E.Journeys;
using Xunit.Abstractions;

namespace TayNinhCchc.E2E;

[Collection(PortalBrowserCollectionDefinition.Name)]
public sealed class NarrowLayoutTests(PortalBrowserFixture portal, ITestOutputHelper output)
{
    private const int PhoneWidth = 360;
    private const int PhoneHeight = 740;

    [BrowserTheory]
    [InlineData("home", "/")]
    [InlineData("plan", "/ke-hoach")]
    [InlineData("news", "/tin-tuc")]
    [InlineData("article", null)]
    [InlineData("results", "/ket-qua-danh-gia")]
    [InlineData("agency-results", "/ket-qua-danh-gia/so-noi-vu")]
    [InlineData("methodology", "/ket-qua-danh-gia/phuong-phap")]
    public async Task Page_does_not_scroll_sideways_on_a_360px_phone(string name, string? path)
    {
        // Arrange
        await using var session = await portal.OpenAsync("no-overflow", PhoneWidth, PhoneHeight, output);
        var journey = new NarrowLayoutJourney(session.Page);
        path ??= await journey.FirstArticlePathAsync();

        // Act
        await journey.OpenAsync(path);
        var overflow = await journey.MeasureAsync();
        await session.ScreenshotAsync(name);

        // Assert
        Assert.True(
            overflow.ScrollWidth <= PhoneWidth + 1,
            $"{path} is {overflow.ScrollWidth}px wide in a {overflow.ViewportWidth}px viewport. Elements sticking out:\n"
            + string.Join('\n', overflow.Offenders));
    }

    [BrowserFact]
    public async Task Task_table_scrolls_inside_its_own_box_on_a_360px_phone()
    {
        // Arrange
        await using var session = await portal.OpenAsync("no-overflow", PhoneWidth, PhoneHeight, output);
        var journey = new NarrowLayoutJourney(session.Page);

        // Act
        await journey.OpenAsync("/ke-hoach/nhiem-vu");
        var overflow = await journey.MeasureAsync();
        await session.ScreenshotAsync("tasks");

        // Assert
        Assert.True(await journey.TaskTableScrollsInsideItsBoxAsync(), "The task table is not inside a horizontally scrollable .table-wrap.");
        Assert.True(
            overflow.ScrollWidth <= PhoneWidth + 1,
            $"/ke-hoach/nhiem-vu is {overflow.ScrollWidth}px wide. Elements sticking out:\n" + string.Join('\n', overflow.Offenders));
    }
}
