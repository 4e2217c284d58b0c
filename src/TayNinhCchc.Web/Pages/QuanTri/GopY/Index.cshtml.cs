using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Dashboard;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Infrastructure;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Pages.QuanTri.GopY;

/// <summary>
/// The comment inbox: ratings with a comment or a reason, newest first, filtered by state, date range and procedure.
/// The filters live in the URL, so a filtered list can be bookmarked and paged without JavaScript.
/// </summary>
public sealed class IndexModel(PortalDbContext db, ContentLibrary content, IOptions<DashboardOptions> options) : StaffPageModel
{
    private const int ExcerptLength = 240;

    [BindProperty(SupportsGet = true, Name = "trang-thai")]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "tu-ngay")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "den-ngay")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "thu-tuc")]
    public string? Procedure { get; set; }

    [BindProperty(SupportsGet = true, Name = "trang")]
    public int PageNumber { get; set; } = 1;

    public FormErrors Errors { get; } = new();

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> Procedures { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int TotalPages { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var snapshot = content.Current;
        Agencies = snapshot.Agencies;
        var inbox = Scope.Ratings(db).Where(InboxQuery.Cleared).Where(InboxQuery.HasText);

        var codes = await inbox.Where(rating => rating.ProcedureCode != null).Select(rating => rating.ProcedureCode!).Distinct().ToListAsync(cancellationToken);
        Procedures = codes
            .Select(code => (code, snapshot.Procedures.ByCode.TryGetValue(code, out var procedure) ? procedure.Name : code))
            .OrderBy(entry => entry.Item2, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true))
            .ToList();

        var filtered = Filter(inbox);
        if (filtered is null)
        {
            return;
        }

        var pageSize = Math.Max(1, options.Value.PageSize);
        Total = await filtered.CountAsync(cancellationToken);
        TotalPages = Math.Max(1, (Total + pageSize - 1) / pageSize);
        PageNumber = Math.Clamp(PageNumber, 1, TotalPages);
        var rows = await filtered
            .OrderByDescending(rating => rating.SubmittedAt)
            .ThenByDescending(rating => rating.Id)
            .Skip((PageNumber - 1) * pageSize)
            .Take(pageSize)
            .Select(rating => new
            {
                rating.Id,
                rating.ReceiptNumber,
                rating.AgencyCode,
                rating.ProcedureCode,
                rating.SubmittedAt,
                rating.Comment,
                rating.CommentState,
                Reasons = rating.Answers.Where(answer => answer.Reason != null).Select(answer => answer.Reason!).ToList(),
            })
            .ToListAsync(cancellationToken);
        Rows = rows.Select(row => new Row(
            row.Id,
            row.ReceiptNumber,
            snapshot.NameOf(row.AgencyCode),
            row.ProcedureCode is { } code && snapshot.Procedures.ByCode.TryGetValue(code, out var procedure) ? procedure.Name : row.ProcedureCode,
            row.SubmittedAt,
            Excerpt(row.Comment ?? string.Join(" · ", row.Reasons)),
            row.CommentState)).ToList();
    }

    /// <summary>The query with the filters applied, or null (with <see cref="Errors"/>) when a filter is invalid.</summary>
    private IQueryable<Rating>? Filter(IQueryable<Rating> query)
    {
        if (!string.IsNullOrEmpty(State))
        {
            switch (DashboardText.ParseState(State))
            {
                case CommentState.New:
                    query = query.Where(rating => rating.CommentState == null || rating.CommentState == CommentState.New);
                    break;
                case { } state:
                    query = query.Where(rating => rating.CommentState == state);
                    break;
                default:
                    Errors.Add("trang-thai", "Chọn một trạng thái trong danh sách.");
                    break;
            }
        }

        DateOnly? from = null, to = null;
        if (!string.IsNullOrWhiteSpace(From))
        {
            if (DashboardText.TryParseDate(From, out var date))
            {
                from = date;
            }
            else
            {
                Errors.Add("tu-ngay", $"Ngày bắt đầu phải là một ngày có thật từ {RequestDates.RangeText}, dạng ngày/tháng/năm, ví dụ 01/11/2026.");
            }
        }

        if (!string.IsNullOrWhiteSpace(To))
        {
            if (DashboardText.TryParseDate(To, out var date))
            {
                to = date;
            }
            else
            {
                Errors.Add("den-ngay", $"Ngày kết thúc phải là một ngày có thật từ {RequestDates.RangeText}, dạng ngày/tháng/năm, ví dụ 30/11/2026.");
            }
        }

        if (from is { } start && to is { } end && end < start)
        {
            Errors.Add("den-ngay", "Ngày kết thúc phải bằng hoặc sau ngày bắt đầu.");
        }

        if (Errors.Count > 0)
        {
            return null;
        }

        if (from is { } fromDate)
        {
            var fromUtc = DashboardText.StartOfDayUtc(fromDate);
            query = query.Where(rating => rating.SubmittedAt >= fromUtc);
        }

        if (to is { } toDate)
        {
            var toUtc = DashboardText.StartOfDayUtc(toDate.AddDays(1));
            query = query.Where(rating => rating.SubmittedAt < toUtc);
        }

        if (!string.IsNullOrWhiteSpace(Procedure))
        {
            var code = Procedure.Trim();
            query = query.Where(rating => rating.ProcedureCode == code);
        }

        return query;
    }

    /// <summary>A link to another page of the same filtered list.</summary>
    public string PageHref(int page)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("trang-thai", State);
        Add("tu-ngay", From);
        Add("den-ngay", To);
        Add("thu-tuc", Procedure);
        if (page > 1)
        {
            query.Add($"trang={page.ToString(CultureInfo.InvariantCulture)}");
        }

        return AgencyHref("/quan-tri/gop-y", query.Count == 0 ? null : string.Join('&', query));
    }

    private static string Excerpt(string text) => text.Length <= ExcerptLength ? text : string.Concat(text.AsSpan(0, ExcerptLength), "…");

    public sealed record Row(long Id, string ReceiptNumber, string AgencyName, string? ProcedureName, DateTime SubmittedAt, string Excerpt, CommentState? State);
}
