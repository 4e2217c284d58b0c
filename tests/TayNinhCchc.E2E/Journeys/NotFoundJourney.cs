using Microsoft.Playwright;

namespace TayNinhCchc.E2E.Journeys;

/// <summary>An address that does not exist gets the Vietnamese 404 page.</summary>
public sealed class NotFoundJourney(IPage page)
{
    public const string MissingPath = "/khong-ton-tai";

    /// <summary>Opens <see cref="MissingPath"/> and returns the HTTP status of the response.</summary>
    public async Task<int> OpenMissingPageAsync()
    {
        var response = await page.GotoAsync(MissingPath) ?? throw new InvalidOperationException("No response for " + MissingPath);
        return response.Status;
    }

    public Task<string> HeadingAsync() => page.Locator(Selectors.Heading).InnerTextAsync();

    public Task<int> HomeLinkCountAsync() => page.Locator(Selectors.Main)
        .GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = Selectors.HomeLink, Exact = true }).CountAsync();

    private static class Selectors
    {
        public const string Main = "main#noi-dung";
        public const string Heading = "main h1";
        public const string HomeLink = "Về trang chủ";
    }
}
