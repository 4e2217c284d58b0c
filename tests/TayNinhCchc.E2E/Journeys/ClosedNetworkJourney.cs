using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace TayNinhCchc.E2E.Journeys;

/// <summary>Records every request a page load makes, to prove the portal works on a closed network.</summary>
public sealed class ClosedNetworkJourney
{
    private readonly IPage page;
    private readonly ConcurrentQueue<string> requests = new();

    public ClosedNetworkJourney(IPage page)
    {
        this.page = page;
        page.Request += (_, request) => requests.Enqueue(request.Url);
    }

    /// <summary>Path of the first article in the news list.</summary>
    public async Task<string> FirstArticlePathAsync()
    {
        await page.GotoAsync("/tin-tuc");
        return await page.Locator(Selectors.ArticleCardLinks).First.GetAttributeAsync("href")
            ?? throw new InvalidOperationException("Article card link without href.");
    }

    /// <summary>Loads <paramref name="path"/> until the network is idle and returns every URL it requested.</summary>
    public async Task<IReadOnlyList<string>> LoadAsync(string path)
    {
        requests.Clear();
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        return requests.ToArray();
    }

    private static class Selectors
    {
        public const string ArticleCardLinks = ".card-list .card .card__title a";
    }
}
