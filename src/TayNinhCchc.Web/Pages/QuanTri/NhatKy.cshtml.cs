using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TayNinhCchc.Web.Accounts;
using TayNinhCchc.Web.Dashboard;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.Pages.QuanTri;

/// <summary>The audit log, newest first, optionally one kind of action. Read-only: no page edits or deletes entries.</summary>
[Authorize(Policy = PortalPolicies.Administrator)]
public sealed class NhatKyModel(PortalDbContext db, IOptions<DashboardOptions> options) : StaffPageModel
{
    [BindProperty(SupportsGet = true, Name = "hanh-dong")]
    public string? ActionFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "trang")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public int TotalPages { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (Enum.TryParse<AuditAction>(ActionFilter, ignoreCase: false, out var action) && Enum.IsDefined(action))
        {
            query = query.Where(entry => entry.Action == action);
        }
        else
        {
            ActionFilter = null;
        }

        var pageSize = Math.Max(1, options.Value.PageSize);
        var total = await query.CountAsync(cancellationToken);
        TotalPages = Math.Max(1, (total + pageSize - 1) / pageSize);
        PageNumber = Math.Clamp(PageNumber, 1, TotalPages);
        Entries = await query
            .OrderByDescending(entry => entry.At)
            .ThenByDescending(entry => entry.Id)
            .Skip((PageNumber - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
    }

    public string PageHref(int page)
    {
        var parts = new List<string>();
        if (ActionFilter is not null)
        {
            parts.Add($"hanh-dong={ActionFilter}");
        }

        if (page > 1)
        {
            parts.Add($"trang={page.ToString(CultureInfo.InvariantCulture)}");
        }

        return parts.Count == 0 ? "/quan-tri/nhat-ky" : $"/quan-tri/nhat-ky?{string.Join('&', parts)}";
    }
}
