using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Pages.DanhGia;

/// <summary>
/// The receipt, shown only after the rating's transaction has committed (the form redirects here after saving).
/// It shows nothing a stranger holding the receipt number could misuse: no answers, no comment.
/// </summary>
public sealed class CamOnModel(PortalDbContext db, ContentLibrary content) : PageModel
{
    public string ReceiptNumber { get; private set; } = string.Empty;

    public string AgencyName { get; private set; } = string.Empty;

    public string AgencyCode { get; private set; } = string.Empty;

    public DateTime SubmittedAtVietnam { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "so")] string? receipt, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(receipt) || receipt.Length > 20)
        {
            return NotFound();
        }

        var rating = await db.Ratings.AsNoTracking()
            .Where(candidate => candidate.ReceiptNumber == receipt)
            .Select(candidate => new { candidate.ReceiptNumber, candidate.AgencyCode, candidate.SubmittedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (rating is null)
        {
            return NotFound();
        }

        ReceiptNumber = rating.ReceiptNumber;
        AgencyCode = rating.AgencyCode;
        AgencyName = content.Current.AgenciesByCode.TryGetValue(rating.AgencyCode, out var agency) ? agency.Name : rating.AgencyCode;
        SubmittedAtVietnam = VietnamClock.ToVietnam(rating.SubmittedAt);
        return Page();
    }
}
