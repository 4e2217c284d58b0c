using TayNinhCchc.E2E.Infrastructure;
using TayNinhCchc.E2E.Journeys;
using Xunit.Abstractions;

namespace TayNinhCchc.E2E;

[Collection(PortalBrowserCollectionDefinition.Name)]
public sealed class ProcedureSearchTests(PortalBrowserFixture portal, ITestOutputHelper output)
{
    [BrowserTheory]
    [InlineData(360, 740)]
    [InlineData(1280, 900)]
    public async Task Citizen_types_without_diacritics_finds_birth_registration_and_prints_it(int width, int height)
    {
        // Arrange
        await using var session = await portal.OpenAsync("procedure-search", width, height, output);
        var journey = new ProcedureSearchJourney(session.Page);

        // Act
        await journey.SearchFromHomeAsync("dang ky khai sinh");
        await session.ScreenshotAsync("01-results");
        await session.AuditAccessibilityAsync();

        // Assert
        Assert.Equal("/thu-tuc/1.001193", await journey.FirstResultHrefAsync());
        Assert.Contains("khai", await journey.HighlightedWordsAsync());

        // Act
        await journey.OpenFirstResultAsync();
        await session.ScreenshotAsync("02-procedure");
        await session.AuditAccessibilityAsync();
        await journey.ShowPrintPreviewAsync();
        await session.ScreenshotAsync("03-print-preview");

        // Assert
        Assert.Contains("khai sinh", (await journey.HeadingAsync()).ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Equal(1, await journey.QrCodeCountAsync());
        Assert.False(await journey.HeaderVisibleAsync(), "the site header must not be printed");
        session.AssertNoAccessibilityViolations();
    }

    [BrowserFact]
    public async Task Citizen_on_a_phone_asks_in_everyday_words_opens_the_procedure_and_prints_the_checklist()
    {
        // Arrange
        await using var session = await portal.OpenAsync("procedure-colloquial", 360, 740, output);
        var journey = new ProcedureSearchJourney(session.Page);

        // Act: the way a parent types it on a phone, no diacritics, no official name
        await journey.SearchFromHomeAsync("lam giay khai sinh");
        await session.ScreenshotAsync("01-results");
        await session.AuditAccessibilityAsync();

        // Assert
        Assert.Equal("/thu-tuc/1.001193", await journey.FirstResultHrefAsync());

        // Act
        await journey.OpenFirstResultAsync();
        await session.AuditAccessibilityAsync();
        await journey.OpenPrintableChecklistAsync();
        await journey.ShowPrintPreviewAsync();
        await session.ScreenshotAsync("02-checklist-print");
        await session.AuditAccessibilityAsync();

        // Assert
        Assert.True(await journey.ChecklistItemCountAsync() > 0, "the printable checklist lists no document");
        Assert.False(await journey.HeaderVisibleAsync(), "the site header must not be printed");
        session.AssertNoAccessibilityViolations();
    }
}
