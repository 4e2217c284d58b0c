using Microsoft.Playwright;

namespace TayNinhCchc.E2E.Journeys;

/// <summary>Pages read on a 360 px phone: nothing may widen the page; wide tables scroll inside their own box.</summary>
public sealed class NarrowLayoutJourney(IPage page)
{
    public sealed record Overflow(int ScrollWidth, int ViewportWidth, string[] Offenders);

    public Task OpenAsync(string path) => page.GotoAsync(path);

    /// <summary>Path of the first article in the news list.</summary>
    public async Task<string> FirstArticlePathAsync()
    {
        await page.GotoAsync("/tin-tuc");
        return await page.Locator(Selectors.ArticleCardLinks).First.GetAttributeAsync("href")
            ?? throw new InvalidOperationException("Article card link without href.");
    }

    /// <summary>
    /// The document's scroll width, and the innermost elements that stick out to the right of the viewport (outside
    /// any <c>.table-wrap</c>, which is allowed to scroll), widest first.
    /// </summary>
    public async Task<Overflow> MeasureAsync()
    {
        var result = await page.EvaluateAsync<string[]>($$"""
            () => {
                const limit = window.innerWidth + 1;
                const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                    + [...el.classList].map(c => '.' + c).join('');
                const path = el => { const parts = []; for (let e = el; e && e !== document.body; e = e.parentElement) parts.unshift(describe(e)); return parts.join(' > '); };
                const offenders = [...document.body.querySelectorAll('*')]
                    .filter(el => !el.closest('{{Selectors.ScrollBox}}') || el.matches('{{Selectors.ScrollBox}}'))
                    .map(el => ({ el, right: el.getBoundingClientRect().right }))
                    .filter(o => o.right > limit)
                    .filter(o => ![...o.el.children].some(child => child.getBoundingClientRect().right > limit))
                    .sort((a, b) => b.right - a.right)
                    .slice(0, 10)
                    .map(o => path(o.el) + ' (right edge ' + Math.round(o.right) + 'px)');
                return [String(document.documentElement.scrollWidth), String(window.innerWidth), ...offenders];
            }
            """);
        return new Overflow(int.Parse(result[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(result[1], System.Globalization.CultureInfo.InvariantCulture), result[2..]);
    }

    /// <summary>Whether the task table sits in a <c>.table-wrap</c> that scrolls horizontally.</summary>
    public Task<bool> TaskTableScrollsInsideItsBoxAsync() => page.Locator(Selectors.TaskTable).EvaluateAsync<bool>($$"""
        table => {
            const box = table.closest('{{Selectors.ScrollBox}}');
            if (!box) return false;
            const overflow = getComputedStyle(box).overflowX;
            return (overflow === 'auto' || overflow === 'scroll') && box.getBoundingClientRect().right <= window.innerWidth + 1;
        }
        """);

    private static class Selectors
    {
        public const string ScrollBox = ".table-wrap";
        public const string TaskTable = "table.task-table";
        public const string ArticleCardLinks = ".card-list .card .card__title a";
    }
}
