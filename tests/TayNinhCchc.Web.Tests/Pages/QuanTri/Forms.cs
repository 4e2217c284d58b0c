using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace TayNinhCchc.Web.Tests.Pages.QuanTri;

/// <summary>Submits forms the way a browser without JavaScript does: every field of the real form, antiforgery token included.</summary>
internal static class Forms
{
    /// <summary>The page's own first form (the sign-out button in the dashboard bar is a form too).</summary>
    public const string Main = "main form:not(.dashboard-bar__logout)";

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string pageUrl, string formSelector, IReadOnlyDictionary<string, string>? values = null)
    {
        var document = await client.GetDocumentAsync(pageUrl);
        return await client.SubmitAsync(document, formSelector, values);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IDocument document, string formSelector, IReadOnlyDictionary<string, string>? values = null)
    {
        var form = document.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form matches '{formSelector}'.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name.Length: > 0 } input when input.Type is "radio" or "checkbox":
                    if (input.IsChecked)
                    {
                        fields.Add(new(input.Name!, input.Value));
                    }

                    break;
                case IHtmlInputElement { Name.Length: > 0 } input when input.Type is not ("submit" or "button"):
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlSelectElement { Name.Length: > 0 } select:
                    fields.Add(new(select.Name!, select.Value ?? string.Empty));
                    break;
                case IHtmlTextAreaElement { Name.Length: > 0 } textArea:
                    fields.Add(new(textArea.Name!, textArea.Value));
                    break;
            }
        }

        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(field => field.Key == name);
            fields.Add(new(name, value));
        }

        // Relative to the page, as a browser resolves it (a bare "/path" would otherwise read as a file URI).
        var action = new Uri(new Uri(document.Url), form.GetAttribute("action") ?? string.Empty);
        if (string.Equals(form.Method, "get", StringComparison.OrdinalIgnoreCase))
        {
            var query = string.Join('&', fields.Select(field => $"{Uri.EscapeDataString(field.Key)}={Uri.EscapeDataString(field.Value)}"));
            return await client.GetAsync(new UriBuilder(action) { Query = query }.Uri);
        }

        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(action, content);
    }

    /// <summary>The antiforgery token of the first form on the page (valid for any form of the same user).</summary>
    public static string Token(this IDocument document) =>
        document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("The page has no antiforgery token.");

    /// <summary>A POST with a token taken from a real form: what a tampered or forged request looks like.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, string url, string token, IReadOnlyDictionary<string, string>? values = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        fields.AddRange(values ?? new Dictionary<string, string>());
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }
}
