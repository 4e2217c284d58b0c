using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Dashboard;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Infrastructure;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Pages.QuanTri;

/// <summary>
/// Download the agency's ratings for a period as CSV or Excel. A POST (with antiforgery), because every export is
/// audited: a link elsewhere must not be able to make a staff member's browser download, and log, anything.
/// </summary>
public sealed class XuatModel(PortalDbContext db, ContentLibrary content, RatingExport export, AuditLog audit, TimeProvider time) : StaffPageModel
{
    /// <summary>The longest period one file covers: a year, leap day included.</summary>
    public const int MaxDays = 366;

    public static readonly IReadOnlyList<(string Value, string Label)> Formats =
    [
        ("xlsx", "Excel (.xlsx)"),
        ("csv", "CSV (UTF-8, mở được bằng Excel)"),
    ];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public void OnGet()
    {
        Agencies = content.Current.Agencies;
        var today = VietnamClock.Today(time);
        Input.From = DashboardText.IsoDate(new DateOnly(today.Year, today.Month, 1));
        Input.To = DashboardText.IsoDate(today);
        Input.Format = Formats[0].Value;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Agencies = content.Current.Agencies;
        var hasFrom = DashboardText.TryParseDate(Input.From, out var from);
        var hasTo = DashboardText.TryParseDate(Input.To, out var to);
        if (!hasFrom)
        {
            Errors.Add("tu-ngay", $"Nhập ngày bắt đầu, một ngày có thật từ {RequestDates.RangeText}, dạng ngày/tháng/năm, ví dụ 01/11/2026.");
        }

        if (!hasTo)
        {
            Errors.Add("den-ngay", $"Nhập ngày kết thúc, một ngày có thật từ {RequestDates.RangeText}, dạng ngày/tháng/năm, ví dụ 30/11/2026.");
        }
        else if (hasFrom && to < from)
        {
            Errors.Add("den-ngay", "Ngày kết thúc phải bằng hoặc sau ngày bắt đầu.");
        }
        else if (hasFrom && to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            Errors.Add("den-ngay", $"Mỗi lần xuất tối đa {MaxDays} ngày. Chia khoảng thời gian thành nhiều lần xuất.");
        }

        var format = Formats.FirstOrDefault(entry => entry.Value == Input.Format).Value;
        if (format is null)
        {
            Errors.Add("dinh-dang", "Chọn định dạng tệp.");
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var fromUtc = DashboardText.StartOfDayUtc(from);
        var toUtc = DashboardText.StartOfDayUtc(to.AddDays(1));
        var ratings = Scope.Ratings(db).Where(InboxQuery.Cleared).Where(rating => rating.SubmittedAt >= fromUtc && rating.SubmittedAt < toUtc);
        var table = await export.BuildAsync(db, ratings, cancellationToken);

        var agency = Scope.AgencyCode ?? "tat-ca";
        var period = $"{DashboardText.Date(fromUtc)}–{DashboardText.Date(toUtc.AddDays(-1))}";
        await audit.WriteAsync(AuditAction.Exported, Scope.Email, agency, $"{format!.ToUpperInvariant()}, {period}, {table.Rows.Count} phiếu", cancellationToken);

        var name = string.Create(CultureInfo.InvariantCulture, $"danh-gia-{agency}-{from:yyyyMMdd}-{to:yyyyMMdd}.{format}");
        return format == "csv"
            ? File(RatingExport.ToCsv(table), "text/csv; charset=utf-8", name)
            : File(RatingExport.ToXlsx(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    public sealed class InputModel
    {
        public string? From { get; set; }

        public string? To { get; set; }

        public string? Format { get; set; }
    }
}
