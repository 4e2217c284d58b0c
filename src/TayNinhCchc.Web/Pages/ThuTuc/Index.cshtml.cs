using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Infrastructure;
using TayNinhCchc.Web.Procedures;

namespace TayNinhCchc.Web.Pages.ThuTuc;

/// <summary>
/// The procedure catalogue: search as citizens type, filters with counts, sort and paging. The URL holds the whole
/// state, so a result list can be shared and works without JavaScript.
/// </summary>
public sealed class IndexModel(ContentLibrary library) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "linh-vuc")]
    public string? Field { get; set; }

    [BindProperty(SupportsGet = true, Name = "co-quan")]
    public string? Agency { get; set; }

    [BindProperty(SupportsGet = true, Name = "cap")]
    public string? Level { get; set; }

    [BindProperty(SupportsGet = true, Name = "doi-tuong")]
    public string? Audience { get; set; }

    [BindProperty(SupportsGet = true, Name = "muc-do")]
    public string? Online { get; set; }

    /// <summary>lien-quan (relevance, default with a query), ten (name), ma (code), thoi-han (time limit).</summary>
    [BindProperty(SupportsGet = true, Name = "sap-xep")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "trang")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int TotalPages { get; private set; }

    public int CatalogueSize { get; private set; }

    public string? Suggestion { get; private set; }

    /// <summary>No procedure holds every word searched for; the list shows those holding some of them.</summary>
    public bool PartialMatch { get; private set; }

    public IReadOnlyList<Facet> Facets { get; private set; } = [];

    public sealed record Row(Procedure Procedure, string NameHtml);

    public sealed record FacetValue(string Value, string Text, int Count, bool Selected);

    public sealed record Facet(string Parameter, string Label, IReadOnlyList<FacetValue> Values);

    public static IReadOnlyList<(string Value, string Text)> SortOptions { get; } =
        [("lien-quan", "Phù hợp nhất"), ("ten", "Tên thủ tục (A–Z)"), ("ma", "Mã thủ tục"), ("thoi-han", "Thời hạn giải quyết ngắn nhất")];

    public IActionResult OnGet()
    {
        var catalog = library.Current.Procedures;
        CatalogueSize = catalog.All.Count;
        var query = Query?.Trim() ?? string.Empty;

        IReadOnlyList<(Procedure Procedure, SearchHit? Hit)> matches;
        SearchResult? result = null;
        if (query.Length == 0)
        {
            matches = catalog.All.Select(procedure => (procedure, (SearchHit?)null)).ToList();
        }
        else
        {
            result = catalog.Search.Search(query);
            if (result.ExactCode is { } code)
            {
                return Redirect($"/thu-tuc/{code}");
            }

            Suggestion = result.Suggestion;
            PartialMatch = result.Partial;
            // The index was built from catalog.All in order, so a hit's document number is its place there.
            matches = result.Hits.Select(hit => (catalog.All[hit.Document], (SearchHit?)hit)).ToList();
        }

        var filters = new (string Parameter, string? Selected, Func<Procedure, IEnumerable<string>> Values)[]
        {
            ("linh-vuc", Field, procedure => [VietnameseText.Slugify(procedure.Field)]),
            ("co-quan", Agency, procedure => procedure.AgencyText.Length == 0 ? [] : [VietnameseText.Slugify(procedure.AgencyText)]),
            ("cap", Level, procedure => procedure.Levels.Select(ProcedureLabels.LevelCode)),
            ("doi-tuong", Audience, procedure => procedure.Audiences.Select(VietnameseText.Slugify)),
            ("muc-do", Online, procedure => [ProcedureLabels.OnlineCode(procedure.OnlineLevel)]),
        };

        bool Passes((Procedure Procedure, SearchHit? Hit) match, string? except) => filters
            .Where(filter => filter.Parameter != except && !string.IsNullOrEmpty(filter.Selected))
            .All(filter => filter.Values(match.Procedure).Contains(filter.Selected));

        var filtered = matches.Where(match => Passes(match, except: null)).ToList();
        Facets =
        [
            BuildFacet("linh-vuc", "Lĩnh vực", Field, matches.Where(m => Passes(m, "linh-vuc")), p => [(VietnameseText.Slugify(p.Field), p.Field)]),
            BuildFacet("cap", "Cấp thực hiện", Level, matches.Where(m => Passes(m, "cap")), p => p.Levels.Select(l => (ProcedureLabels.LevelCode(l), ProcedureLabels.LevelName(l)))),
            BuildFacet("muc-do", "Dịch vụ công trực tuyến", Online, matches.Where(m => Passes(m, "muc-do")), p => [(ProcedureLabels.OnlineCode(p.OnlineLevel), ProcedureLabels.OnlineName(p.OnlineLevel))]),
            BuildFacet("co-quan", "Cơ quan thực hiện", Agency, matches.Where(m => Passes(m, "co-quan")), p => p.AgencyText.Length == 0 ? [] : [(VietnameseText.Slugify(p.AgencyText), p.AgencyText)]),
            BuildFacet("doi-tuong", "Đối tượng thực hiện", Audience, matches.Where(m => Passes(m, "doi-tuong")), p => p.Audiences.Select(a => (VietnameseText.Slugify(a), a))),
        ];

        var ordered = (Sort ?? (query.Length > 0 ? "lien-quan" : "ten")) switch
        {
            "ma" => filtered.OrderBy(m => m.Procedure.Code, StringComparer.Ordinal),
            "thoi-han" => filtered.OrderBy(m => m.Procedure.TimeLimitWorkingDays ?? int.MaxValue).ThenBy(m => m.Procedure.Code, StringComparer.Ordinal),
            "ten" => filtered.OrderBy(m => catalogIndex(m.Procedure)),
            _ => filtered.AsEnumerable(),
        };

        int catalogIndex(Procedure procedure) => catalog.OrderOf(procedure.Code);

        Total = filtered.Count;
        TotalPages = Math.Max(1, (Total + PageSize - 1) / PageSize);
        if (PageNumber < 1 || PageNumber > TotalPages)
        {
            return NotFound();
        }

        Rows = ordered.Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(match => new Row(match.Procedure, Highlight(match.Procedure.Name, match.Hit is { } hit ? result?.MatchedWords(hit) : null)))
            .ToList();
        return Page();
    }

    /// <summary>This page's URL with one parameter changed (or removed with a null value); paging restarts.</summary>
    public string With(string parameter, string? value)
    {
        var state = new Dictionary<string, string?>
        {
            ["q"] = Query, ["linh-vuc"] = Field, ["co-quan"] = Agency, ["cap"] = Level, ["doi-tuong"] = Audience, ["muc-do"] = Online, ["sap-xep"] = Sort,
        };
        state[parameter] = value;
        if (parameter == "trang")
        {
            state["trang"] = value;
        }

        return QueryHelpers.AddQueryString("/thu-tuc", state.Where(pair => !string.IsNullOrEmpty(pair.Value)));
    }

    private static Facet BuildFacet(
        string parameter,
        string label,
        string? selected,
        IEnumerable<(Procedure Procedure, SearchHit? Hit)> matches,
        Func<Procedure, IEnumerable<(string Value, string Text)>> values)
    {
        var counted = matches
            .SelectMany(match => values(match.Procedure).Distinct())
            .GroupBy(pair => pair.Value, StringComparer.Ordinal)
            .Select(group => new FacetValue(group.Key, group.First().Text, group.Count(), group.Key == selected))
            .OrderByDescending(value => value.Count)
            .ThenBy(value => value.Text, StringComparer.Ordinal)
            .ToList();
        return new Facet(parameter, label, counted);
    }

    /// <summary>The name HTML-encoded, with the words that matched the query in &lt;mark&gt;.</summary>
    internal static string Highlight(string name, IReadOnlySet<string>? matchedWords)
    {
        if (matchedWords is null || matchedWords.Count == 0)
        {
            return WebUtility.HtmlEncode(name);
        }

        var html = new StringBuilder();
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length == 0)
            {
                return;
            }

            var text = word.ToString();
            var folded = SearchIndex.Words(text).FirstOrDefault();
            html.Append(folded is not null && matchedWords.Contains(folded)
                ? $"<mark>{WebUtility.HtmlEncode(text)}</mark>"
                : WebUtility.HtmlEncode(text));
            word.Clear();
        }

        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                word.Append(c);
            }
            else
            {
                Flush();
                html.Append(WebUtility.HtmlEncode(c.ToString()));
            }
        }

        Flush();
        return html.ToString();
    }
}
