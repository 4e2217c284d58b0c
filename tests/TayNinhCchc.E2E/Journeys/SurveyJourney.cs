using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TayNinhCchc.E2E.Journeys;

/// <summary>A citizen rates how an agency handled a dossier: from the procedure page, with the mouse or the keyboard only.</summary>
public sealed class SurveyJourney(IPage page)
{
    public async Task OpenFromProcedureAsync(string code)
    {
        await page.GotoAsync($"/thu-tuc/{code}");
        await page.Locator(Selectors.RateLink).ClickAsync();
        await page.WaitForURLAsync("**/danh-gia?thu-tuc=*");
    }

    public Task OpenAsync() => page.GotoAsync("/danh-gia");

    public Task<string> ProcedureCodeAsync() => page.Locator(Selectors.Procedure).InputValueAsync();

    public async Task ChooseAgencyAsync(string code) => await page.Locator(Selectors.Agency).SelectOptionAsync(code);

    /// <summary>Taps the label of an answer in the question whose legend starts with <paramref name="legendStart"/>.</summary>
    public Task AnswerAsync(string legendStart, string label) =>
        page.Locator("fieldset")
            .Filter(new() { Has = page.Locator("legend", new() { HasTextRegex = new Regex("^\\s*" + Regex.Escape(legendStart)) }) })
            .Locator("label", new() { HasTextString = label }).First.ClickAsync();

    public Task TypeDossierAsync(string code) => page.Locator(Selectors.Dossier).FillAsync(code);

    public Task TypeCommentAsync(string text) => page.Locator(Selectors.Comment).FillAsync(text);

    public Task ConsentAsync() => page.Locator(Selectors.Consent).CheckAsync();

    public async Task SubmitAsync()
    {
        await page.Locator(Selectors.Submit).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>
    /// Fills the whole form with the keyboard only: Tab to each control; in each group of answers Space picks the
    /// first option; ArrowDown picks the first agency; Space ticks the consent box; Enter on the button submits.
    /// </summary>
    public async Task CompleteWithKeyboardAsync(string dossier)
    {
        await page.Locator(Selectors.Heading).FocusAsync();
        for (var step = 0; step < 300; step++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string[]>("""
                () => {
                    const el = document.activeElement;
                    const group = el.name ? document.querySelectorAll(`input[name="${CSS.escape(el.name)}"]:checked`).length : 0;
                    return [el.tagName.toLowerCase(), el.type ?? '', el.id ?? '', String(group), el.value ?? ''];
                }
                """);
            switch (focused)
            {
                case ["select", _, "agency", _, ""]:
                    await page.Keyboard.PressAsync("ArrowDown");
                    break;
                case ["input", "text", "dossier", _, _]:
                    await page.Keyboard.TypeAsync(dossier);
                    break;
                case ["input", "radio", _, "0", _]:
                    await page.Keyboard.PressAsync("Space");
                    break;
                case ["input", "checkbox", "consent", _, _]:
                    await page.Keyboard.PressAsync("Space");
                    break;
                case ["button", "submit", _, _, _]:
                    await page.Keyboard.PressAsync("Enter");
                    await page.WaitForURLAsync("**/danh-gia/cam-on?so=*");
                    return;
            }
        }

        throw new InvalidOperationException("The submit button was never reached with Tab.");
    }

    public Task<IReadOnlyList<string>> ErrorSummaryAsync() => page.Locator(Selectors.ErrorSummaryLinks).AllInnerTextsAsync();

    public Task<string> ReceiptAsync() => page.Locator(Selectors.Receipt).InnerTextAsync();

    public string Url => page.Url;

    private static class Selectors
    {
        public const string RateLink = "a[href^='/danh-gia?thu-tuc=']";
        public const string Heading = "main h1";
        public const string Agency = "select#agency";
        public const string Procedure = "input#procedure";
        public const string Dossier = "input#dossier";
        public const string Comment = "textarea#comment";
        public const string Consent = "input#consent";
        public const string Submit = "form.survey button[type=submit]";
        public const string ErrorSummaryLinks = ".error-summary__list a";
        public const string Receipt = "#so-bien-nhan";
    }
}
