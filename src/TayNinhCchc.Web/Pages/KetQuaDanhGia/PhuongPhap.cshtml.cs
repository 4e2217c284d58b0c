using Microsoft.AspNetCore.Mvc.RazorPages;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Pages.KetQuaDanhGia;

/// <summary>How the results are computed and ranked, what is left out, and which sources are not verified.</summary>
public sealed class PhuongPhapModel(PortalDbContext db, CriteriaRegistry registry, RatingStatistics statistics, TayNinhCchc.Web.Content.ContentLibrary content) : PageModel
{
    /// <summary>Every published criteria set, oldest first: which framework covers which period.</summary>
    public IReadOnlyList<CriteriaSet> CriteriaSets => content.Current.CriteriaSets;

    public int Minimum => statistics.MinimumForPublication;

    /// <summary>The question set in force today, so "Câu N" in the charts can be looked up.</summary>
    public CriteriaSet? Criteria { get; private set; }

    /// <summary>The worked example of the Wilson bound, computed by the same code as the rankings.</summary>
    public double WilsonExample => RatingStatistics.WilsonLowerBound(8, 10);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Criteria = await registry.CurrentAsync(db, cancellationToken);
}
