using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TayNinhCchc.Web.Content;

namespace TayNinhCchc.Web.Pages.KeHoach;

/// <summary>The plan's appendix as a table: filter by lead agency, level and quarter; sort; budget totals.</summary>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class NhiemVuModel(ContentLibrary library) : PageModel
{
    public const int PlanYear = 2021;

    /// <summary>Lead agency (or agency group) code.</summary>
    [BindProperty(SupportsGet = true, Name = "co-quan")]
    public string? Agency { get; set; }

    /// <summary>tinh, huyen or xa.</summary>
    [BindProperty(SupportsGet = true, Name = "cap")]
    public string? Level { get; set; }

    /// <summary>1–4, "ca-nam" (spans several quarters) or "khong-ro" (no date can be read).</summary>
    [BindProperty(SupportsGet = true, Name = "quy")]
    public string? Quarter { get; set; }

    /// <summary>thu-tu (document order), han (deadline), kinh-phi (budget) or co-quan (lead agency).</summary>
    [BindProperty(SupportsGet = true, Name = "sap-xep")]
    public string? Sort { get; set; }

    /// <summary>tang (ascending) or giam (descending).</summary>
    [BindProperty(SupportsGet = true, Name = "chieu")]
    public string? Direction { get; set; }

    public PlanAppendix Appendix { get; private set; } = default!;

    public ContentSnapshot Snapshot { get; private set; } = default!;

    public IReadOnlyList<PlanTask> Rows { get; private set; } = [];

    public IReadOnlyList<SelectOption> AgencyOptions { get; private set; } = [];

    public IReadOnlyList<LeadTotal> TotalsByLead { get; private set; } = [];

    public long FilteredTotal => Rows.Sum(task => task.Budget ?? 0);

    public bool IsFiltered => Agency is not null || Level is not null || Quarter is not null;

    public static IReadOnlyList<SelectOption> LevelOptions { get; } =
        [new("tinh", "Cấp tỉnh"), new("huyen", "Cấp huyện"), new("xa", "Cấp xã")];

    public static IReadOnlyList<SelectOption> QuarterOptions { get; } =
    [
        new("1", $"Quý I/{PlanYear}"), new("2", $"Quý II/{PlanYear}"), new("3", $"Quý III/{PlanYear}"), new("4", $"Quý IV/{PlanYear}"),
        new("ca-nam", "Kéo dài nhiều quý (cả năm)"), new("khong-ro", "Không ghi rõ thời hạn"),
    ];

    public sealed record SelectOption(string Value, string Text);

    public sealed record LeadTotal(string Codes, string Names, int TaskCount, long Budget);

    public IActionResult OnGet()
    {
        Snapshot = library.Current;
        if (Snapshot.Appendix is not { } appendix)
        {
            return NotFound();
        }

        Appendix = appendix;
        AgencyOptions = appendix.Tasks.SelectMany(task => task.Lead).Distinct()
            .Select(code => new SelectOption(code, Snapshot.NameOf(code)))
            .OrderBy(option => option.Text, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))
            .ToList();

        IEnumerable<PlanTask> rows = appendix.Tasks;
        if (!string.IsNullOrEmpty(Agency))
        {
            rows = rows.Where(task => task.Lead.Contains(Agency));
        }

        if (ParseLevel(Level) is { } level)
        {
            rows = rows.Where(task => task.Levels.Contains(level));
        }

        if (!string.IsNullOrEmpty(Quarter))
        {
            rows = rows.Where(task => QuarterKey(task) == Quarter);
        }

        Rows = Order(rows).ToList();
        TotalsByLead = appendix.Tasks
            .GroupBy(task => string.Join(',', task.Lead))
            .Select(group => new LeadTotal(
                group.Key,
                string.Join("; ", group.First().Lead.Select(Snapshot.NameOf)),
                group.Count(task => task.Budget > 0),
                group.Sum(task => task.Budget ?? 0)))
            .Where(total => total.Budget > 0)
            .OrderByDescending(total => total.Budget)
            .ToList();
        return Page();
    }

    /// <summary>The quarter filter value a task falls under.</summary>
    public static string QuarterKey(PlanTask task) =>
        task.DeadlineRange is not { } range ? "khong-ro"
        : DeadlineParser.QuarterOf(range) is { } q ? q.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : "ca-nam";

    /// <summary>The URL of this page with the current filters and the given sort.</summary>
    public string SortHref(string sort)
    {
        var direction = Sort == sort && Direction != "giam" ? "giam" : "tang";
        var query = new Dictionary<string, string?>
        {
            ["co-quan"] = Agency, ["cap"] = Level, ["quy"] = Quarter, ["sap-xep"] = sort, ["chieu"] = direction,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/ke-hoach/nhiem-vu", query.Where(pair => !string.IsNullOrEmpty(pair.Value)));
    }

    public string? AriaSort(string sort) => Sort == sort || (sort == "thu-tu" && Sort is null)
        ? (Direction == "giam" ? "descending" : "ascending")
        : null;

    private IEnumerable<PlanTask> Order(IEnumerable<PlanTask> rows)
    {
        var descending = Direction == "giam";
        return Sort switch
        {
            "han" => descending
                ? rows.OrderByDescending(task => task.DeadlineRange?.End ?? DateOnly.MinValue).ThenBy(task => task.Id)
                : rows.OrderBy(task => task.DeadlineRange?.End ?? DateOnly.MaxValue).ThenBy(task => task.Id),
            "kinh-phi" => descending
                ? rows.OrderByDescending(task => task.Budget ?? -1).ThenBy(task => task.Id)
                : rows.OrderBy(task => task.Budget ?? long.MaxValue).ThenBy(task => task.Id),
            "co-quan" => descending
                ? rows.OrderByDescending(task => LeadNames(task), StringComparer.Ordinal).ThenBy(task => task.Id)
                : rows.OrderBy(task => LeadNames(task), StringComparer.Ordinal).ThenBy(task => task.Id),
            _ => descending ? rows.OrderByDescending(task => task.Id) : rows.OrderBy(task => task.Id),
        };
    }

    public string LeadNames(PlanTask task) => string.Join("; ", task.Lead.Select(Snapshot.NameOf));

    private static DeployLevel? ParseLevel(string? code) => code switch
    {
        "tinh" => DeployLevel.Province,
        "huyen" => DeployLevel.District,
        "xa" => DeployLevel.Commune,
        _ => null,
    };
}
