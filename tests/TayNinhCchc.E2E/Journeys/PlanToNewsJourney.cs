using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TayNinhCchc.E2E.Journeys;

/// <summary>
/// Home → plan (with its table of contents) → task table filtered by lead agency → news list → an article.
/// </summary>
public sealed partial class PlanToNewsJourney(IPage page)
{
    public const string PreferredAgency = "Sở Khoa học và Công nghệ";

    public Task OpenHomeAsync() => page.GotoAsync("/");

    public async Task OpenPlanFromEntryListAsync()
    {
        await page.Locator(Selectors.EntryList)
            .GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = Selectors.PlanEntryLink, Exact = true })
            .ClickAsync();
        await page.WaitForURLAsync(PlanUrl());
    }

    public Task<string> PlanHeadingAsync() => page.Locator(Selectors.Heading).InnerTextAsync();

    private ILocator Toc => page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = Selectors.TocName, Exact = true });

    public Task<int> TocLinkCountAsync() => Toc.Locator(Selectors.HashLinks).CountAsync();

    /// <summary>Table-of-contents links whose target is missing or is not a heading.</summary>
    public Task<string[]> TocLinksWithoutHeadingAsync() => Toc.Locator(Selectors.HashLinks).EvaluateAllAsync<string[]>("""
        links => links
            .map(a => a.getAttribute('href'))
            .filter(href => {
                const target = document.getElementById(decodeURIComponent(href.slice(1)));
                return !target || !/^H[1-6]$/.test(target.tagName);
            })
        """);

    /// <summary>Clicks the table-of-contents link at <paramref name="index"/> and returns its <c>href</c>.</summary>
    public async Task<string> FollowTocLinkAsync(int index)
    {
        var link = Toc.Locator(Selectors.HashLinks).Nth(index);
        var href = await link.GetAttributeAsync("href") ?? "";
        await link.ClickAsync();
        await page.WaitForURLAsync(url => Uri.UnescapeDataString(new Uri(url).Fragment) == Uri.UnescapeDataString(href));
        return href;
    }

    public string CurrentHash => Uri.UnescapeDataString(new Uri(page.Url).Fragment);

    public async Task OpenTaskTableAsync()
    {
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = Selectors.TaskTableLink, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(TaskTableUrl());
    }

    /// <summary>Selects <see cref="PreferredAgency"/> (or the first agency) as lead agency and returns its name.</summary>
    public async Task<string> ChooseLeadAgencyAsync()
    {
        var options = await page.Locator(Selectors.AgencyOptions).EvaluateAllAsync<string[][]>(
            "options => options.filter(o => o.value !== '').map(o => [o.value, o.textContent.trim()])");
        Assert.NotEmpty(options);
        var chosen = options.FirstOrDefault(option => option[1] == PreferredAgency) ?? options[0];
        await page.Locator(Selectors.AgencySelect).SelectOptionAsync(chosen[0]);
        return chosen[1];
    }

    public async Task ApplyFilterAsync()
    {
        await page.Locator(Selectors.FilterForm)
            .GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = Selectors.FilterButton, Exact = true })
            .ClickAsync();
        await page.WaitForURLAsync(FilteredUrl());
    }

    public string CurrentUrl => page.Url;

    /// <summary>The "Hiển thị N trên M nhiệm vụ" line: rows shown and total tasks.</summary>
    public async Task<(int Shown, int Total)> ResultCountAsync()
    {
        var text = await page.Locator(Selectors.ResultCount).InnerTextAsync();
        var match = ResultCountPattern().Match(text);
        Assert.True(match.Success, $"Unexpected result count text: '{text}'");
        return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    public Task<int> TaskRowCountAsync() => page.Locator(Selectors.TaskRows).CountAsync();

    /// <summary>Text of the "Cơ quan chủ trì" cell of every row, found by the column header.</summary>
    public Task<string[]> LeadAgencyCellsAsync() => page.Locator(Selectors.TaskTable).EvaluateAsync<string[]>($$"""
        table => {
            const headers = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
            const column = headers.indexOf('{{Selectors.LeadColumnHeader}}');
            if (column < 0) throw new Error('No lead agency column; headers: ' + headers.join(' | '));
            return [...table.tBodies[0].rows].map(row => row.cells[column].textContent.replace(/\s+/g, ' ').trim());
        }
        """);

    public async Task OpenNewsFromHeaderAsync()
    {
        await page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = Selectors.MainNavName, Exact = true })
            .GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = Selectors.NewsNavLink, Exact = true })
            .ClickAsync();
        await page.WaitForURLAsync(NewsUrl());
    }

    /// <summary>Opens the first article card and returns the title shown on the card.</summary>
    public async Task<string> OpenFirstArticleAsync()
    {
        var link = page.Locator(Selectors.ArticleCardLinks).First;
        var title = (await link.InnerTextAsync()).Trim();
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("Article card link without href.");
        await link.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == href);
        return title;
    }

    public Task<string> ArticleHeadingAsync() => page.Locator(Selectors.Heading).InnerTextAsync();

    public Task<string?> OpenGraphTitleAsync() => page.Locator(Selectors.OpenGraphTitle).GetAttributeAsync("content");

    public Task<string> ArticleFooterAsync() => page.Locator(Selectors.ArticleFooter).InnerTextAsync();

    [GeneratedRegex(@"^/ke-hoach$")]
    private static partial Regex PlanPath();

    [GeneratedRegex(@"^/ke-hoach/nhiem-vu$")]
    private static partial Regex TaskTablePath();

    [GeneratedRegex(@"Hiển thị\s+(\d+)\s+trên\s+(\d+)")]
    private static partial Regex ResultCountPattern();

    private static Func<string, bool> PlanUrl() => url => PlanPath().IsMatch(new Uri(url).AbsolutePath);

    private static Func<string, bool> TaskTableUrl() => url => TaskTablePath().IsMatch(new Uri(url).AbsolutePath);

    private static Func<string, bool> FilteredUrl() => url => TaskTableUrl()(url) && new Uri(url).Query.Contains("co-quan=", StringComparison.Ordinal);

    private static Func<string, bool> NewsUrl() => url => new Uri(url).AbsolutePath == "/tin-tuc";

    private static class Selectors
    {
        public const string EntryList = ".entry-grid";
        public const string PlanEntryLink = "Kế hoạch cải cách hành chính năm 2021";
        public const string Heading = "main h1";
        public const string TocName = "Mục lục";
        public const string HashLinks = "a[href^='#']";
        public const string TaskTableLink = "Xem bảng nhiệm vụ và kinh phí (phụ lục)";
        public const string AgencySelect = "select#co-quan";
        public const string AgencyOptions = "select#co-quan option";
        public const string FilterForm = "form.filters";
        public const string FilterButton = "Lọc";
        public const string ResultCount = "[data-testid=result-count]";
        public const string TaskTable = "table.task-table";
        public const string TaskRows = "table.task-table > tbody > tr";
        public const string LeadColumnHeader = "Cơ quan chủ trì";
        public const string MainNavName = "Điều hướng chính";
        public const string NewsNavLink = "Tin tức";
        public const string ArticleCardLinks = ".card-list .card .card__title a";
        public const string OpenGraphTitle = "meta[property='og:title']";
        public const string ArticleFooter = "article .article__footer";
    }
}
