using Microsoft.Playwright;

namespace TayNinhCchc.E2E.Journeys;

/// <summary>The agency directory, one operating agency with its tasks, and a district unit that no longer operates.</summary>
public sealed class AgencyJourney(IPage page)
{
    /// <summary>The district unit named in the brief; any other closed district unit is used when it is absent.</summary>
    public const string PreferredClosedUnit = "/co-quan/ubnd-huyen-duong-minh-chau";

    public sealed record AgencyLink(string Name, string Href);

    public async Task OpenDirectoryAsync()
    {
        await page.GotoAsync("/co-quan");
    }

    /// <summary>The structure of the 2020 plan, where the district level is listed (today's structure has none).</summary>
    public async Task Open2020DirectoryAsync()
    {
        await page.GotoAsync("/co-quan?thoi-ky=2020");
    }

    public Task<int> AgencyCountAsync() => page.Locator(Selectors.AgencyLinks).CountAsync();

    /// <summary>The first agency that still operates (no date badge) and leads at least one task.</summary>
    public async Task<AgencyLink?> FindOperatingAgencyWithTasksAsync()
    {
        var found = await page.Locator(Selectors.AgencyItems).EvaluateAllAsync<string[]?>($$"""
            items => {
                const item = items.find(li => !li.querySelector('{{Selectors.Badge}}')
                    && /Chủ trì \d+ nhiệm vụ/.test(li.querySelector('{{Selectors.Meta}}')?.textContent ?? ''));
                if (!item) return null;
                const link = item.querySelector('a');
                return [link.textContent.trim(), link.getAttribute('href')];
            }
            """);
        return found is null ? null : new AgencyLink(found[0], found[1]);
    }

    /// <summary>
    /// A district-level unit that no longer operates: <see cref="PreferredClosedUnit"/> when listed, else the first
    /// unit of the district section whose badge says until when it operated ("Đến …").
    /// </summary>
    public async Task<AgencyLink?> FindClosedDistrictUnitAsync()
    {
        var found = await page.Locator(Selectors.DistrictItems).EvaluateAllAsync<string[]?>($$"""
            items => {
                const closed = items.filter(li => (li.querySelector('{{Selectors.Badge}}')?.textContent ?? '').trim().startsWith('Đến'));
                const item = closed.find(li => li.querySelector('a').getAttribute('href') === '{{PreferredClosedUnit}}') ?? closed[0];
                if (!item) return null;
                const link = item.querySelector('a');
                return [link.textContent.trim(), link.getAttribute('href')];
            }
            """);
        return found is null ? null : new AgencyLink(found[0], found[1]);
    }

    public async Task OpenAgencyAsync(AgencyLink agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        await page.Locator($"{Selectors.AgencyLinks}[href='{agency.Href}']").First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == agency.Href);
    }

    public Task<string> HeadingAsync() => page.Locator(Selectors.Heading).InnerTextAsync();

    public Task<string> LeadTaskHeadingAsync() => page.Locator(Selectors.LeadTaskHeading).InnerTextAsync();

    public Task<int> LeadTaskCountAsync() => page.Locator(Selectors.LeadTasks).CountAsync();

    public Task<int> ClosedNoticeCountAsync() => page.Locator(Selectors.Notice).CountAsync();

    public Task<string> ClosedNoticeAsync() => page.Locator(Selectors.Notice).InnerTextAsync();

    private static class Selectors
    {
        public const string AgencyItems = ".agency-list > li";
        public const string AgencyLinks = ".agency-list > li > a";
        public const string DistrictItems = "section[aria-labelledby='cap-huyen'] .agency-list > li";
        public const string Badge = ".badge";
        public const string Meta = ".meta";
        public const string Heading = "main h1";
        public const string LeadTaskHeading = "#nhiem-vu-chu-tri";
        public const string LeadTasks = "section[aria-labelledby='nhiem-vu-chu-tri'] .task-list > li";
        public const string Notice = "main .notice[role=note]";
    }
}
