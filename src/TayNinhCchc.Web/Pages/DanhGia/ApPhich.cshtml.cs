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
        SurveyUrl = Request.Absolute(site.Value, $"/danh-gia?co-quan={Uri.EscapeDataString(agency.Code)}");
        QrSvg = QrCodes.Svg(SurveyUrl, $"Mã QR mở phiếu đánh giá mức độ hài lòng về {agency.Name}");
        return Page();
    }
}
