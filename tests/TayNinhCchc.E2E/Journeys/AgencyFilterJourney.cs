using Microsoft.Playwright;

namespace TayNinhCchc.E2E.Journeys;

/// <summary>
/// A citizen picks the agency on /danh-gia: with the type-to-filter box above the grouped select (keyboard only), or
/// without JavaScript, in the native select's groups; and the print set of posters.
/// </summary>
public sealed class AgencyFilterJourney(IPage page)
{
    /// <summary>From the page heading, Tab to the filter box and type <paramref name="text"/>, as a keyboard user does.</summary>
    public async Task TypeInFilterWithKeyboardAsync(string text)
    {
        await page.Locator("main h1").FocusAsync();
        for (var step = 0; step < 40; step++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string>("() => document.activeElement.id") == "agency-filter")
            {
                await page.Keyboard.TypeAsync(text);
                return;
            }
        }

        throw new InvalidOperationException("The agency filter box was never reached with Tab.");
    }

    /// <summary>The live region's text once the filter has announced (it waits for the typing to pause).</summary>
    public async Task<string> StatusAsync()
    {
        await page.WaitForFunctionAsync("() => document.querySelector('#agency-filter-status[role=status]')?.textContent.trim()");
        return (await page.Locator("#agency-filter-status").InnerTextAsync()).Trim();
    }

    public Task<string> FocusedIdAsync() => page.EvaluateAsync<string>("() => document.activeElement.id");

    public Task PressAsync(string key) => page.Keyboard.PressAsync(key);

    public Task<string> SelectedAgencyAsync() => page.Locator("select#agency").InputValueAsync();

    public Task<string> SelectedAgencyTextAsync() => page.Locator("select#agency option:checked").InnerTextAsync();

    public Task<int> VisibleOptionCountAsync() =>
        page.Locator("select#agency option[value]:not([value='']):not([hidden])").CountAsync();

    public Task<int> FilterBoxCountAsync() => page.Locator("#agency-filter").CountAsync();

    /// <summary>The label of the optgroup that holds the option <paramref name="code"/> in the native select.</summary>
    public async Task<string> GroupOfAsync(string code) =>
        await page.Locator($"select#agency optgroup:has(option[value='{code}'])").GetAttributeAsync("label") ?? "";

    public async Task<(string Heading, int Sheets)> OpenPosterSetAsync()
    {
        await page.GotoAsync("/danh-gia/ap-phich");
        return ((await page.Locator("main h1").InnerTextAsync()).Trim(), await page.Locator("article.poster").CountAsync());
    }
}
