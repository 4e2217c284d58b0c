using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Infrastructure;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Pages.DanhGia;

/// <summary>
/// One print job for every public administration service centre: the provincial centre and the 96 commune centres
/// (a commune's dossiers are rated under its UBND xã/phường), one A5 poster per sheet, each with its QR code.
/// </summary>
public sealed class BoApPhichModel(ContentLibrary content, IOptions<SiteOptions> site, TimeProvider time) : PageModel
{
    public IReadOnlyList<Poster> Posters { get; private set; } = [];

    public sealed record Poster(Agency Agency, string SurveyUrl, string QrSvg);

    public void OnGet()
    {
        var today = VietnamClock.Today(time);
        Posters = content.Current.RateableOn(today)
            .Where(agency => agency.Kind is AgencyKind.ServiceCentre or AgencyKind.Commune)
            .OrderBy(agency => agency.Kind == AgencyKind.ServiceCentre ? 0 : 1)
            .Select(agency =>
            {
                var (url, qr) = ApPhichModel.SurveyLink(Request, site.Value, agency);
                return new Poster(agency, url, qr);
            })
            .ToList();
    }
}
