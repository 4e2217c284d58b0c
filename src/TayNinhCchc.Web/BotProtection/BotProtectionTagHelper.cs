using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Options;

namespace TayNinhCchc.Web.BotProtection;

/// <summary>
/// <c>&lt;bot-protection action="danh_gia" /&gt;</c> inside a <c>&lt;form method="post"&gt;</c>: renders the hidden
/// fields of the configured provider, the honeypot, a status line for screen readers and the browser script. Pair it
/// with <see cref="ValidateBotProtectionAttribute"/> using the same action on the page model.
/// </summary>
/// <remarks>
/// Every render issues a fresh challenge, so a page that re-displays the form after a validation error gives the citizen
/// a new, unspent one. Nothing inline is rendered (no script, no style attribute): the portal's CSP forbids both.
/// </remarks>
[HtmlTargetElement("bot-protection", Attributes = "action", TagStructure = TagStructure.WithoutEndTag)]
public sealed class BotProtectionTagHelper(
    IOptions<BotProtectionOptions> options,
    ProofOfWorkProvider proofOfWork,
    ChallengeSigner signer,
    IFileVersionProvider fileVersions) : TagHelper
{
    // Counts the widgets on one page so their ids stay unique, and notes that the scripts were already written.
    private static readonly object RenderedCountKey = new();

    /// <summary>The form's action name: letters, digits, <c>_</c> or <c>/</c>, the same as on the page model.</summary>
    [HtmlAttributeName("action")]
    public string Action { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ChallengeSigner.EnsureValidAction(Action);
        var http = ViewContext.HttpContext;
        var settings = options.Value;
        var recaptcha = settings.Provider == BotProtectionProvider.Recaptcha;
        var number = (http.Items[RenderedCountKey] as int? ?? 0) + 1;
        http.Items[RenderedCountKey] = number;

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "bot-protection");
        output.Attributes.SetAttribute("data-bot-protection", recaptcha ? "recaptcha" : "pow");
        output.Attributes.SetAttribute("data-action", Action);
        if (recaptcha)
        {
            output.Attributes.SetAttribute("data-site-key", settings.RecaptchaSiteKey);
        }
        else
        {
            output.Attributes.SetAttribute("data-difficulty", settings.ProofOfWorkDifficulty.ToString(CultureInfo.InvariantCulture));
            output.Attributes.SetAttribute("data-worker", Versioned("/js/pow-worker.js"));
        }

        var challenge = recaptcha
            ? await signer.IssueAsync(Action, 0, http.RequestAborted).ConfigureAwait(false)
            : await proofOfWork.IssueChallengeAsync(Action, http.RequestAborted).ConfigureAwait(false);
        var content = output.Content;
        content.AppendHtml(Hidden(BotProtectionFields.Challenge, challenge));
        content.AppendHtml(Hidden(recaptcha ? BotProtectionFields.RecaptchaResponse : BotProtectionFields.Nonce, ""));
        content.AppendHtml(Honeypot(number));
        content.AppendHtml(Status());

        if (number == 1)
        {
            if (recaptcha)
            {
                output.PostElement.AppendHtml(Script(
                    "https://www.google.com/recaptcha/api.js?render=" + Uri.EscapeDataString(settings.RecaptchaSiteKey ?? "")));
            }

            output.PostElement.AppendHtml(Script(Versioned("/js/bot-protection.js")));
        }
    }

    private string Versioned(string path) =>
        fileVersions.AddFileVersionToPath(ViewContext.HttpContext.Request.PathBase, path);

    private static TagBuilder Hidden(string name, string value)
    {
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.Attributes["type"] = "hidden";
        input.Attributes["name"] = name;
        input.Attributes["value"] = value;
        return input;
    }

    // Moved off screen by CSS rather than display:none, which form-filling scripts learn to skip; aria-hidden and
    // tabindex keep it away from screen readers and the keyboard, and the label tells anyone who still meets it.
    private static TagBuilder Honeypot(int number)
    {
        var id = "bot-protection-trap-" + number.ToString(CultureInfo.InvariantCulture);
        var wrapper = new TagBuilder("div");
        wrapper.AddCssClass("bot-protection__trap");
        wrapper.Attributes["aria-hidden"] = "true";

        var label = new TagBuilder("label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append("Để trống ô này");

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.Attributes["type"] = "text";
        input.Attributes["id"] = id;
        input.Attributes["name"] = BotProtectionFields.Honeypot;
        input.Attributes["value"] = "";
        input.Attributes["tabindex"] = "-1";
        input.Attributes["autocomplete"] = "off";

        wrapper.InnerHtml.AppendHtml(label);
        wrapper.InnerHtml.AppendHtml(input);
        return wrapper;
    }

    private static TagBuilder Status()
    {
        var status = new TagBuilder("p");
        status.AddCssClass("bot-protection__status");
        status.Attributes["role"] = "status";
        status.Attributes["aria-live"] = "polite";
        status.Attributes["data-bot-status"] = "";
        return status;
    }

    private static TagBuilder Script(string source)
    {
        var script = new TagBuilder("script");
        script.Attributes["src"] = source;
        script.Attributes["defer"] = "defer";
        return script;
    }
}
