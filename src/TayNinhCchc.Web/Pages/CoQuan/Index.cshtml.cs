using Microsoft.AspNetCore.Mvc.RazorPages;
using TayNinhCchc.Web.Content;

namespace TayNinhCchc.Web.Pages.CoQuan;

public sealed class IndexModel(ContentLibrary library, TimeProvider time) : PageModel
{
    public IReadOnlyList<LevelGroup> Levels { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public sealed record LevelGroup(AgencyLevel Level, IReadOnlyList<Row> Agencies);

    public sealed record Row(Agency Agency, int LeadTaskCount, bool ValidToday);

    public void OnGet()
    {
        var snapshot = library.Current;
        Today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddHours(7));
        var leadCounts = (snapshot.Appendix?.Tasks ?? [])
            .SelectMany(task => task.Lead)
            .GroupBy(code => code)
            .ToDictionary(group => group.Key, group => group.Count());
        Levels = snapshot.Agencies
            .GroupBy(agency => agency.Level)
            .OrderBy(group => group.Key)
            .Select(group => new LevelGroup(group.Key, group
                .Select(agency => new Row(agency, leadCounts.GetValueOrDefault(agency.Code), agency.IsValidOn(Today)))
                .ToList()))
            .ToList();
    }
}
