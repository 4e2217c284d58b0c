using TayNinhCchc.E2E.Infrastructure;
using TayNinhCchc.E2E.Journeys;
using Xunit.Abstractions;

namespace TayNinhCchc.E2E;

[Collection(PortalBrowserCollectionDefinition.Name)]
public sealed class ClosedNetworkTests(PortalBrowserFixture portal, ITestOutputHelper output)
{
    [BrowserTheory]
    [InlineData(360, 740)]
    [InlineData(1280, 900)]
    public async Task Pages_request_nothing_outside_the_portal(int width, int height)
    {
        // Arrange
        await using var session = await portal.OpenAsync("closed-network", width, height, output);
        var journey = new ClosedNetworkJourney(session.Page);
        var origin = session.BaseAddress.ToString();
        string[] paths = ["/", "/ke-hoach", "/ke-hoach/nhiem-vu", "/tin-tuc", await journey.FirstArticlePathAsync()];

        foreach (var path in paths)
        {
            // Act
            var requested = await journey.LoadAsync(path);
            output.WriteLine($"{path}: {requested.Count} request(s)");

            // Assert
            Assert.NotEmpty(requested);
            var outside = requested.Where(url => !url.StartsWith(origin, StringComparison.Ordinal)).ToList();
            Assert.True(outside.Count == 0, $"{path} requested outside {origin}:\n{string.Join('\n', outside)}");
        }
    }
}
