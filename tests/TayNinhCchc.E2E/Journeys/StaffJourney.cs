using Microsoft.Playwright;

namespace TayNinhCchc.E2E.Journeys;

/// <summary>Agency staff sign in with the keyboard only, land on the overview and open the comment inbox.</summary>
public sealed class StaffJourney(IPage page)
{
    public const string LoginHeading = "Đăng nhập quản trị";

    public const string InboxHeading = "Góp ý của người dân";

    public Task OpenLoginAsync() => page.GotoAsync("/quan-tri/dang-nhap");

    /// <summary>
    /// From the top of the page, Tab until the e-mail field has focus and type the address, Tab to the password field
    /// and type it, then Enter submits the form; waits for the dashboard overview.
    /// </summary>
    public async Task SignInWithKeyboardAsync(string email, string password)
    {
        await TabToAsync("email");
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        var focused = await FocusedIdAsync();
        if (focused != "password")
        {
            throw new InvalidOperationException($"Tab after the e-mail field focused «{focused}», not the password field.");
        }

        await page.Keyboard.TypeAsync(password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/quan-tri");
    }

    /// <summary>Follows the «Góp ý» link of the dashboard navigation.</summary>
    public async Task OpenInboxAsync()
    {
        await page.Locator(Selectors.InboxNavLink).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/quan-tri/gop-y");
    }

    public Task<string> HeadingAsync() => page.Locator("main h1").InnerTextAsync();

    /// <summary>The name shown in the dashboard bar: who is signed in.</summary>
    public Task<string> SignedInAsAsync() => page.Locator(Selectors.SignedInAs).InnerTextAsync();

    /// <summary>The text of the inbox entry for <paramref name="receipt"/> (exactly one entry must match).</summary>
    public Task<string> InboxTextAsync(string receipt) =>
        page.Locator(Selectors.InboxItems).Filter(new() { Has = page.Locator(Selectors.InboxMeta, new() { HasTextString = receipt }) })
            .Locator(Selectors.InboxText).InnerTextAsync();

    /// <summary>The page's whole HTML as the browser has it, attributes and hidden text included.</summary>
    public Task<string> HtmlAsync() => page.ContentAsync();

    private async Task TabToAsync(string id)
    {
        for (var step = 0; step < 60; step++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await FocusedIdAsync() == id)
            {
                return;
            }
        }

        throw new InvalidOperationException($"#{id} was never reached with Tab.");
    }

    private Task<string> FocusedIdAsync() => page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''");

    private static class Selectors
    {
        public const string InboxNavLink = ".dashboard-nav a[href^='/quan-tri/gop-y']";
        public const string SignedInAs = ".dashboard-bar__who strong";
        public const string InboxItems = "ol.inbox > li.inbox__item";
        public const string InboxMeta = ".inbox__meta";
        public const string InboxText = ".inbox__text";
    }
}
