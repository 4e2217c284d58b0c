using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using TayNinhCchc.Web.BotProtection;
using TayNinhCchc.Web.Tests.BotProtection;

namespace TayNinhCchc.Web.Tests.Pages.DanhGia;

/// <summary>
/// The survey form as a citizen's browser would submit it: fetched with GET, every field the page fills in (the
/// antiforgery token, hidden inputs and prefilled values included) sent back, with the test's answers on top, and —
/// as the page's script does in the browser — the proof-of-work nonce for the page's challenge.
/// </summary>
internal sealed class SurveyForm
{
    private readonly List<KeyValuePair<string, string>> fields;
    private readonly int difficulty;

    private SurveyForm(List<KeyValuePair<string, string>> fields, int difficulty)
    {
        this.fields = fields;
        this.difficulty = difficulty;
    }

    /// <summary>A complete, valid answer set for the shipped criteria (agency Sở Tư pháp, all satisfied).</summary>
    public static readonly IReadOnlyDictionary<string, string> Valid = new Dictionary<string, string>
    {
        ["Input.Agency"] = "so-tu-phap",
        ["Input.Channel"] = "truc-tiep",
        ["Input.Consent"] = "dong-y",
        ["Input.Answers[chi-so-1]"] = "2",
        ["Input.Answers[chi-so-2]"] = "2",
        ["Input.Answers[chi-so-3]"] = "2",
        ["Input.Answers[chi-so-4]"] = "1",
        ["Input.Answers[chi-so-6]"] = "2",
        ["Input.Answers[chi-so-7]"] = "1",
        ["Input.Answers[thuan-tien]"] = "3",
        ["Input.Answers[tong-the]"] = "2",
    };

    public static async Task<SurveyForm> OpenAsync(HttpClient client, string url = "/danh-gia")
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return await FromResponseAsync(response);
    }

    /// <summary>The form in a page already fetched (when the test needs the response itself, e.g. its headers).</summary>
    public static async Task<SurveyForm> FromResponseAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"GET {response.RequestMessage?.RequestUri} returned {(int)response.StatusCode}");
        var document = await Html.ParseAsync(response);
        var form = document.QuerySelectorAll<IHtmlFormElement>("form").Single(candidate => candidate.Method == "post");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            var isChoice = input.Type is "radio" or "checkbox";
            if ((isChoice && input.IsChecked) || (!isChoice && input.Value.Length > 0))
            {
                fields.Add(new(input.Name!, input.Value));
            }
        }

        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]").Where(select => !string.IsNullOrEmpty(select.Value)))
        {
            fields.Add(new(select.Name!, select.Value!));
        }

        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]").Where(area => area.Value.Length > 0))
        {
            fields.Add(new(area.Name!, area.Value));
        }

        var widget = form.QuerySelector("[data-bot-protection=pow]");
        var difficulty = int.Parse(widget?.GetAttribute("data-difficulty") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        return new SurveyForm(fields, difficulty);
    }

    public SurveyForm With(IReadOnlyDictionary<string, string> values)
    {
        foreach (var (name, value) in values)
        {
            Set(name, value);
        }

        return this;
    }

    public SurveyForm Set(string name, string? value)
    {
        fields.RemoveAll(field => field.Key == name);
        if (value is not null)
        {
            fields.Add(new(name, value));
        }

        return this;
    }

    /// <summary>The challenge the page issued (empty when the page had none or the test removed it).</summary>
    public string Challenge => fields.FirstOrDefault(pair => pair.Key == BotProtectionFields.Challenge).Value ?? "";

    /// <summary>
    /// Sends the form. With <paramref name="solveChallenge"/> (a browser running the page's script) the nonce is found
    /// first, unless the test set one; without it the form goes as a browser without JavaScript sends it.
    /// </summary>
    public async Task<HttpResponseMessage> PostAsync(HttpClient client, string url = "/danh-gia", bool solveChallenge = true)
    {
        if (solveChallenge && Challenge.Length > 0 && !fields.Any(field => field.Key == BotProtectionFields.Nonce))
        {
            Set(BotProtectionFields.Nonce, Work.Solve(Challenge, difficulty));
        }

        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(url, UriKind.RelativeOrAbsolute), content);
    }

    /// <summary>The messages of the error summary, in order.</summary>
    public static async Task<IReadOnlyList<(string Target, string Message)>> ErrorsAsync(HttpResponseMessage response)
    {
        var document = await Html.ParseAsync(response);
        return document.QuerySelectorAll(".error-summary__list a")
            .Select(link => (link.GetAttribute("href")!.TrimStart('#'), link.TextContent.Trim()))
            .ToList();
    }
}
