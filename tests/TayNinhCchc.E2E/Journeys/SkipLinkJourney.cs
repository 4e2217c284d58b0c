using Microsoft.Playwright;

namespace TayNinhCchc.E2E.Journeys;

/// <summary>Keyboard only: the first Tab reaches the skip link, Enter moves focus to the main content.</summary>
public sealed class SkipLinkJourney(IPage page)
{
    public const string SkipLinkText = "Bỏ qua, đến nội dung chính";

    public sealed record FocusedElement(string Tag, string Id, string Text, string Href, bool InViewport);

    public Task OpenHomeAsync() => page.GotoAsync("/");

    public Task PressTabAsync() => page.Keyboard.PressAsync("Tab");

    public Task PressEnterAsync() => page.Keyboard.PressAsync("Enter");

    /// <summary>What has keyboard focus now, and whether it is drawn inside the viewport.</summary>
    public async Task<FocusedElement> FocusedAsync()
    {
        var values = await page.EvaluateAsync<string[]>("""
            () => {
                const el = document.activeElement;
                if (!el || el === document.body) return ['body', '', '', '', 'false'];
                const box = el.getBoundingClientRect();
                const visible = box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0
                    && box.right <= window.innerWidth && box.bottom <= window.innerHeight;
                return [el.tagName.toLowerCase(), el.id, (el.textContent ?? '').trim().slice(0, 80),
                    el.getAttribute('href') ?? '', String(visible)];
            }
            """);
        return new FocusedElement(values[0], values[1], values[2], values[3], values[4] == "true");
    }

    public string CurrentHash => new Uri(page.Url).Fragment;

    public Task<bool> MainContentIsMarkedAsync() => page.Locator(Selectors.MainContent).IsVisibleAsync();

    private static class Selectors
    {
        public const string MainContent = "main#noi-dung";
    }
}
