using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Infrastructure;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Pages.CoQuan;

/// <summary>
/// The agency register: today's structure by default, the structure of the 2020 plan (QĐ 2818/QĐ-UBND ngày 16/11/2020)
/// or every record one click away, and a search that also finds today's unit by a former xã/phường/thị trấn name.
/// </summary>
public sealed class IndexModel(ContentLibrary library, TimeProvider time) : PageModel
{
    /// <summary>The day the 2020 plan was signed: its structure is the register on that day.</summary>
    public static readonly DateOnly PlanDay = new(2020, 11, 16);

    private const int MaxQueryLength = 100;

    public IReadOnlyList<Section> Sections { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>hien-nay (default), 2020 or tat-ca.</summary>
    public string View { get; private set; } = "hien-nay";

    public string? Query { get; private set; }

    public IReadOnlyList<Match> Matches { get; private set; } = [];

    public sealed record Section(string Id, string Title, string? Note, IReadOnlyList<Row> Agencies);

    public sealed record Row(Agency Agency, int LeadTaskCount, bool ValidToday);

    /// <summary>A search hit; <paramref name="Former"/> names the former unit or earlier name that matched.</summary>
    public sealed record Match(Agency Agency, string? Former, bool ValidToday);

    public void OnGet([FromQuery(Name = "thoi-ky")] string? view, [FromQuery(Name = "q")] string? query)
    {
        var snapshot = library.Current;
        Today = VietnamClock.Today(time);
        View = view is "2020" or "tat-ca" ? view : "hien-nay";
        var leadCounts = (snapshot.Appendix?.Tasks ?? [])
            .SelectMany(task => task.Lead)
            .GroupBy(code => code)
            .ToDictionary(group => group.Key, group => group.Count());
        Row ToRow(Agency agency) => new(agency, leadCounts.GetValueOrDefault(agency.Code), agency.IsValidOn(Today));

        Sections = View switch
        {
            "2020" => ByKind(snapshot.AgencyRecords.Where(agency => agency.IsValidOn(PlanDay)), ToRow, "Cơ quan nêu trong Kế hoạch CCHC năm 2021 (QĐ 2818/QĐ-UBND ngày 16/11/2020)."),
            "tat-ca" => snapshot.Agencies.GroupBy(agency => agency.Level).OrderBy(group => group.Key)
                .Select(group => new Section("cap-" + group.Key.Code(), group.Key.DisplayName(), null, group.Select(ToRow).ToList()))
                .ToList(),
            _ => ByKind(snapshot.AgencyRecords.Where(agency => agency.IsValidOn(Today)), ToRow, null),
        };

        var text = query?.Normalize(System.Text.NormalizationForm.FormC).Trim();
        if (!string.IsNullOrEmpty(text))
        {
            Query = text.Length > MaxQueryLength ? text[..MaxQueryLength] : text;
            Matches = Search(snapshot, Query);
        }
    }

    private static List<Section> ByKind(IEnumerable<Agency> records, Func<Agency, Row> toRow, string? note)
    {
        var list = records.ToList();
        var sections = new List<Section>();
        void Add(string id, string title, string? sectionNote, Func<Agency, bool> filter)
        {
            var rows = list.Where(filter).Select(toRow).ToList();
            if (rows.Count > 0)
            {
                sections.Add(new Section(id, title, sectionNote, rows));
            }
        }

        Add("cap-tinh", "Cấp tỉnh: UBND tỉnh, sở, ban, ngành và Trung tâm Phục vụ hành chính công", note,
            agency => agency.Kind is AgencyKind.ProvincialGovernment or AgencyKind.Department or AgencyKind.ServiceCentre);
        Add("cap-huyen", "Cấp huyện", null, agency => agency.Kind == AgencyKind.District);
        Add("cap-xa", "Cấp xã: xã, phường",
            "Mỗi xã, phường có Trung tâm Phục vụ hành chính công cấp xã, nơi người dân nộp hồ sơ (NĐ 118/2025/NĐ-CP; tỉnh có 96 trung tâm cấp xã theo vietnam.vn). Tên riêng và địa chỉ từng trung tâm: chưa có nguồn.",
            agency => agency.Kind == AgencyKind.Commune);
        Add("nganh-doc", "Cơ quan ngành dọc", "Chỉ các cơ quan có nguồn cho biết tên đang dùng.", agency => agency.Kind == AgencyKind.LineAgency);
        Add("khac", "Cơ quan, tổ chức khác (không tiếp nhận hồ sơ thủ tục hành chính)", null, agency => agency.Kind == AgencyKind.Other);
        return sections;
    }

    // Folded (no diacritics, lower case) substring search over names, aliases and former units: "truong tay" finds
    // phường Long Hoa through xã Trường Tây; a former name is shown beside the unit it became.
    private List<Match> Search(ContentSnapshot snapshot, string query)
    {
        var folded = VietnameseText.Fold(query);
        var matches = new List<Match>();
        foreach (var agency in snapshot.Agencies)
        {
            if (VietnameseText.Fold(agency.Name).Contains(folded, StringComparison.Ordinal) || VietnameseText.Fold(agency.ShortName).Contains(folded, StringComparison.Ordinal))
            {
                matches.Add(new Match(agency, null, agency.IsValidOn(Today)));
                continue;
            }

            var former = snapshot.RecordsByCode[agency.Code]
                .SelectMany(record => record.FormerUnits.Select(unit => unit.Name).Concat(record.Aliases).Append(record.Name))
                .FirstOrDefault(name => VietnameseText.Fold(name).Contains(folded, StringComparison.Ordinal));
            if (former is not null)
            {
                matches.Add(new Match(agency, former, agency.IsValidOn(Today)));
            }
        }

        // Today's units first, then the rest, each in register order.
        return [.. matches.Where(match => match.ValidToday), .. matches.Where(match => !match.ValidToday)];
    }
}
