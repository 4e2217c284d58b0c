using Microsoft.Playwright;

namespace TayNinhCchc.E2E.Journeys;

/// <summary>A citizen searches the procedure catalogue from the home page, as typed on a phone without diacritics.</summary>
public sealed class ProcedureSearchJourney(IPage page)
{
    public async Task SearchFromHomeAsync(string query)
    {
        await page.GotoAsync("/");
        await page.Locator(Selectors.SearchBox).FillAsync(query);
        await page.Locator(Selectors.SearchBox).PressAsync("Enter");
        await page.WaitForURLAsync("**/thu-tuc?q=*");
    }

    public Task<string> FirstResultHrefAsync() => page.Locator(Selectors.FirstResult).GetAttributeAsync("href")!;

    public Task<IReadOnlyList<string>> HighlightedWordsAsync() => page.Locator(Selectors.FirstResultMarks).AllInnerTextsAsync();

    public async Task OpenFirstResultAsync()
    {
        await page.Locator(Selectors.FirstResult).ClickAsync();
        await page.WaitForURLAsync("**/thu-tuc/*");
    }

    public Task<string> HeadingAsync() => page.Locator(Selectors.Heading).InnerTextAsync();

    public Task<int> QrCodeCountAsync() => page.Locator(Selectors.QrCode).CountAsync();

    /// <summary>Switches the page to print media, as the browser's print preview renders it.</summary>
    public Task ShowPrintPreviewAsync() => page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

    public Task<bool> HeaderVisibleAsync() => page.Locator(Selectors.Header).IsVisibleAsync();

    /// <summary>Follows the procedure page's link to its one-page printable list of documents.</summary>
    public async Task OpenPrintableChecklistAsync()
    {
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = Selectors.ChecklistLink, Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/thu-tuc/*/giay-to-can-mang");
    }

    /// <summary>The documents listed on the printable checklist.</summary>
    public Task<int> ChecklistItemCountAsync() => page.Locator(Selectors.ChecklistItems).CountAsync();

    private static class Selectors
    {
        public const string SearchBox = "main form[role=search] input#q";
        public const string FirstResult = ".procedure-item__title a >> nth=0";
        public const string FirstResultMarks = ".procedure-item__title >> nth=0 >> mark";
        public const string Heading = "main h1";
        public const string QrCode = ".procedure__qr svg[role=img]";
        public const string Header = "header.site-header";
        public const string ChecklistLink = "Trang in danh sách giấy tờ (một trang)";
        public const string ChecklistItems = "table.checklist tbody tr";
    }
}
