using TayNinhCchc.E2E.Infrastructure;
using TayNinhCchc.E2E.Journeys;
using Xunit.Abstractions;

namespace TayNinhCchc.E2E;

[Collection(PortalBrowserCollectionDefinition.Name)]
public sealed class PlanToNewsTests(PortalBrowserFixture portal, ITestOutputHelper output)
{
    [BrowserTheory]
    [InlineData(360, 740)]
    [InlineData(1280, 900)]
    public async Task Reader_goes_from_home_through_plan_and_filtered_tasks_to_an_article_on_accessible_pages(int width, int height)
    {
        // Arrange
        await using var session = await portal.OpenAsync("plan-to-news", width, height, output);
        var journey = new PlanToNewsJourney(session.Page);
        await journey.OpenHomeAsync();
        await session.ScreenshotAsync("01-home");
        await session.AuditAccessibilityAsync();

        // Act: the plan, from the entry list
        await journey.OpenPlanFromEntryListAsync();
        await session.ScreenshotAsync("02-plan");
        await session.AuditAccessibilityAsync();

        // Assert
        Assert.Contains("Kế hoạch cải cách hành chính", await journey.PlanHeadingAsync(), StringComparison.Ordinal);
        Assert.True(await journey.TocLinkCountAsync() > 1, "The plan's 'Mục lục' has fewer than two links.");
        Assert.Empty(await journey.TocLinksWithoutHeadingAsync());

        // Act: a table-of-contents link
        var tocHref = await journey.FollowTocLinkAsync(1);

        // Assert
        Assert.Equal(Uri.UnescapeDataString(tocHref), journey.CurrentHash);

        // Act: the task table, filtered by one lead agency
        await journey.OpenTaskTableAsync();
        await session.ScreenshotAsync("03-tasks");
        await session.AuditAccessibilityAsync();
        var agency = await journey.ChooseLeadAgencyAsync();
        await journey.ApplyFilterAsync();
        await session.ScreenshotAsync("04-tasks-filtered");
        await session.AuditAccessibilityAsync();

        // Assert
        Assert.Contains("co-quan=", journey.CurrentUrl, StringComparison.Ordinal);
        var (shown, total) = await journey.ResultCountAsync();
        Assert.InRange(shown, 1, total - 1);
        Assert.Equal(shown, await journey.TaskRowCountAsync());
        Assert.All(await journey.LeadAgencyCellsAsync(), cell => Assert.Contains(agency, cell, StringComparison.Ordinal));

        // Act: the news list from the header, then its first article
        await journey.OpenNewsFromHeaderAsync();
        await session.ScreenshotAsync("05-news");
        await session.AuditAccessibilityAsync();
        var cardTitle = await journey.OpenFirstArticleAsync();
        await session.ScreenshotAsync("06-article");
        await session.AuditAccessibilityAsync();

        // Assert
        var heading = (await journey.ArticleHeadingAsync()).Trim();
        Assert.Equal(cardTitle, heading);
        Assert.Equal(heading, (await journey.OpenGraphTitleAsync())?.Trim());
        Assert.StartsWith("Nguồn:", (await journey.ArticleFooterAsync()).Trim(), StringComparison.Ordinal);
        session.AssertNoAccessibilityViolations();
    }
}
