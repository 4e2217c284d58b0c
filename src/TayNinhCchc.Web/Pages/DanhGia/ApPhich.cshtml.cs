using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Infrastructure;
using TayNinhCchc.Web.Procedures;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Pages.DanhGia;

/// <summary>
/// A printable A5 poster for an agency's one-stop counter: a QR code that opens the survey with the agency chosen.
/// </summary>
public sealed class ApPhichModel(ContentLibrary content, IOptions<SiteOptions> site, TimeProvider time) : PageModel
{
    public Agency Agency { get; private set; } = null!;

    public string SurveyUrl { get; private set; } = string.Empty;

    public string QrSvg { get; private set; } = string.Empty;

    public IActionResult OnGet(string code)
    {
        if (!content.Current.AgenciesByCode.TryGetValue(code, out var agency) || !agency.IsRateableOn(VietnamClock.Today(time)))
        {
            return NotFound();
        }

        Agency = agency;
        (SurveyUrl, QrSvg) = SurveyLink(Request, site.Value, agency);
        return Page();
    }

    /// <summary>The survey's address with the agency chosen, and its QR code: one poster's, or one sheet of the set.</summary>
    internal static (string Url, string QrSvg) SurveyLink(HttpRequest request, SiteOptions site, Agency agency)
    {
        var url = request.Absolute(site, $"/danh-gia?co-quan={Uri.EscapeDataString(agency.Code)}");
        return (url, QrCodes.Svg(url, $"Mã QR mở phiếu đánh giá mức độ hài lòng về {agency.Name}"));
    }
}
