using Microsoft.Playwright;

namespace TayNinhCchc.E2E.Journeys;

/// <summary>From the header to the ranking, then to one agency's results with its charts and tables.</summary>
public sealed class ResultsJourney(IPage page)
{
    public async Task OpenFromHeaderAsync()
    {
        await page.GotoAsync("/");
        await page.Locator(Selectors.NavLink).ClickAsync();
    }

    public Task<string> DemoBannerAsync() => page.Locator(Selectors.DemoBanner).First.InnerTextAsync();

    /// <summary>The first agency listed, ranked or not, with its link.</summary>
    public async Task<(string Name, string Href)> FirstAgencyAsync()
    {
        var link = page.Locator(Selectors.AgencyLinks).First;
        return ((await link.InnerTextAsync()).Trim(), await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("Agency link without href."));
    }

    public Task OpenAsync(string href) => page.GotoAsync(href);

    /// <summary>Chooses another period in the form and submits it, as a keyboard user would.</summary>
    public async Task ChoosePeriodAsync(string code)
    {
        await page.Locator(Selectors.PeriodSelect).SelectOptionAsync(code);
        await page.Locator(Selectors.Submit).ClickAsync();
    }

    public Task<string> HeadingAsync() => page.Locator("h1").InnerTextAsync();

    /// <summary>Each chart's accessible name: the text of the elements its <c>aria-labelledby</c> points to.</summary>
    public Task<string[]> ChartNamesAsync() => page.Locator(Selectors.Charts).EvaluateAllAsync<string[]>("""
        charts => charts.map(chart => chart.getAttribute('aria-labelledby').split(' ')
            .map(id => document.getElementById(id)?.textContent ?? '').join(' ').trim())
        """);

    public Task<int> MonthRowCountAsync() => page.Locator(Selectors.MonthRows).CountAsync();

    private static class Selectors
    {
        public const string NavLink = ".site-nav a[href='/ket-qua-danh-gia']";
        public const string DemoBanner = ".notice--demo";
        public const string AgencyLinks = ".results-table tbody th a";
        public const string PeriodSelect = "select#ky";
        public const string Submit = ".results-filter button[type=submit]";
        public const string Charts = "svg.chart[role=img]";
        public const string MonthRows = "table:has(#bang-theo-thang) tbody tr";
    }
}
