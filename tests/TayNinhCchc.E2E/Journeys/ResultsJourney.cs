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

    /// <summary>One agency's results for the default period (the current quarter).</summary>
    public Task OpenAgencyAsync(string code) => page.GotoAsync($"/ket-qua-danh-gia/{code}");

    /// <summary>
    /// The n shown for the period on the open agency page: the «Số phiếu (n)» figure, or 0 when the page says the
    /// agency has no rating in the period. Anything else (no figure and no such sentence) is an error.
    /// </summary>
    public async Task<int> PeriodCountAsync()
    {
        var figure = page.Locator(Selectors.TotalsCount);
        if (await figure.CountAsync() == 1)
        {
            return ParseCount(await figure.InnerTextAsync());
        }

        if (await page.GetByText(NoRatingsText).CountAsync() == 1)
        {
            return 0;
        }

        throw new InvalidOperationException($"Neither a «Số phiếu (n)» figure nor «{NoRatingsText}…» on {page.Url}.");
    }

    /// <summary>The n of the last row of the monthly table: the current month while the period is not over.</summary>
    public async Task<(string Month, int Count)> LastMonthCountAsync()
    {
        var row = page.Locator(Selectors.MonthRows).Last;
        return ((await row.Locator("th").InnerTextAsync()).Trim(), ParseCount(await row.Locator("td").First.InnerTextAsync()));
    }

    public const string NoRatingsText = "Chưa có phiếu đánh giá nào cho cơ quan này";

    /// <summary>The leading whole number of a figure in Vietnamese format, where «.» groups thousands: «1.234 (Quý …)».</summary>
    private static int ParseCount(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, "^\\s*([0-9][0-9.]*)");
        if (!match.Success)
        {
            throw new InvalidOperationException($"No count in «{text}».");
        }

        return int.Parse(match.Groups[1].Value.Replace(".", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

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
        public const string TotalsCount = ".facts--totals div:has(> dt:text-is('Số phiếu (n)')) > dd";
    }
}
