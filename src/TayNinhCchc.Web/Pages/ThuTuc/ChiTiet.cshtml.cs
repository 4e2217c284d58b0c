using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Infrastructure;
using TayNinhCchc.Web.Procedures;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Pages.ThuTuc;

/// <summary>
/// One procedure with every field; unknown facts are shown as "Chưa cập nhật". Cached with the content, keyed also on
/// the rating summary's figures (<see cref="ProcedureRatings"/>).
/// </summary>
[OutputCache(PolicyName = ProcedureRatings.CachePolicy)]
public sealed class ChiTietModel(ContentLibrary library, IOptions<SiteOptions> site) : PageModel
{
    /// <summary>The last URL segment of the printable checklist page.</summary>
    public const string ChecklistSegment = "giay-to-can-mang";

    public Procedure Procedure { get; private set; } = default!;

    public ContentSnapshot Snapshot { get; private set; } = default!;

    public string PageUrl { get; private set; } = string.Empty;

    public string QrSvg { get; private set; } = string.Empty;

    /// <summary>
    /// Whether the publishing decision is Tây Ninh's own; the shipped catalogue also holds other provinces' and
    /// national records, and a citizen must know when a fee or time limit may differ here.
    /// </summary>
    public bool PublishedByTayNinh => Procedure.PublishedBy.Contains("Tây Ninh", StringComparison.Ordinal);

    /// <summary>True for the one-page printable checklist of documents to bring.</summary>
    public bool ChecklistOnly { get; private set; }

    /// <summary>Satisfaction over the last 12 months, when enough ratings named this procedure.</summary>
    public ProcedureRatingSummary? Ratings { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string? checklist)
    {
        Snapshot = library.Current;
        if (!Snapshot.Procedures.ByCode.TryGetValue(code, out var procedure) || checklist is not (null or ChecklistSegment))
        {
            return NotFound();
        }

        Procedure = procedure;
        ChecklistOnly = checklist is not null;
        PageUrl = Request.Absolute(site.Value, procedure.Url);
        QrSvg = QrCodes.Svg(PageUrl, $"Mã QR dẫn tới trang thủ tục {procedure.Code}");
        Ratings = ChecklistOnly ? null : await ProcedureRatings.GetAsync(HttpContext, HttpContext.RequestAborted);
        return Page();
    }
}
