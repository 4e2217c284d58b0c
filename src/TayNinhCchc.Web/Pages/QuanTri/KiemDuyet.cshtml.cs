using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TayNinhCchc.Web.Accounts;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Dashboard;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Pages.QuanTri;

/// <summary>
/// Review of ratings that failed a bot check. Accepting one puts it into the statistics: the state change and the
/// tallies commit together, and only the first of two simultaneous reviews counts it.
/// </summary>
[Authorize(Policy = PortalPolicies.Administrator)]
public sealed class KiemDuyetModel(PortalDbContext db, ContentLibrary content, CriteriaRegistry registry, AuditLog audit, IOptions<DashboardOptions> options) : StaffPageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var pending = db.Ratings.AsNoTracking().Where(rating => rating.ReviewState == ReviewState.Pending);
        Total = await pending.CountAsync(cancellationToken);
        var rows = await pending
            .OrderBy(rating => rating.SubmittedAt)
            .ThenBy(rating => rating.Id)
            .Take(Math.Max(1, options.Value.PageSize))
            .Select(rating => new { rating.Id, rating.ReceiptNumber, rating.AgencyCode, rating.ProcedureCode, rating.SubmittedAt, rating.FlagReasons, rating.Comment })
            .ToListAsync(cancellationToken);
        var snapshot = content.Current;
        Rows = rows.Select(row => new Row(
            row.Id,
            row.ReceiptNumber,
            snapshot.NameOf(row.AgencyCode),
            row.ProcedureCode,
            row.SubmittedAt,
            (row.FlagReasons ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            row.Comment)).ToList();
    }

    public async Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var receipt = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The conditional update is the lock: a second reviewer's update matches no row and counts nothing.
            var changed = await db.Ratings
                .Where(rating => rating.Id == id && rating.ReviewState == ReviewState.Pending)
                .ExecuteUpdateAsync(update => update
                    .SetProperty(rating => rating.ReviewState, ReviewState.Accepted)
                    .SetProperty(rating => rating.CountsInStatistics, true), cancellationToken);
            if (changed == 0)
            {
                return null;
            }

            var rating = await db.Ratings.AsNoTracking().Include(candidate => candidate.Answers).FirstAsync(candidate => candidate.Id == id, cancellationToken);
            var set = await registry.ByVersionAsync(db, rating.CriteriaVersion, cancellationToken)
                ?? throw new InvalidOperationException($"Criteria version {rating.CriteriaVersion} of rating {rating.Id} is unknown.");
            await RatingTallies.AddAsync(db, [(set, rating)], cancellationToken);
            audit.Add(AuditAction.RatingAccepted, Scope.Email, rating.ReceiptNumber, $"{rating.AgencyCode}; {rating.FlagReasons}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return rating.ReceiptNumber;
        });

        StatusMessage = receipt is null ? AlreadyReviewed : $"Đã chấp nhận phiếu {receipt}; phiếu được tính vào thống kê.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRejectAsync(long id, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var receipt = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var changed = await db.Ratings
                .Where(rating => rating.Id == id && rating.ReviewState == ReviewState.Pending)
                .ExecuteUpdateAsync(update => update.SetProperty(rating => rating.ReviewState, ReviewState.Rejected), cancellationToken);
            if (changed == 0)
            {
                return null;
            }

            var rating = await db.Ratings.AsNoTracking()
                .Where(candidate => candidate.Id == id)
                .Select(candidate => new { candidate.ReceiptNumber, candidate.AgencyCode, candidate.FlagReasons })
                .FirstAsync(cancellationToken);
            audit.Add(AuditAction.RatingRejected, Scope.Email, rating.ReceiptNumber, $"{rating.AgencyCode}; {rating.FlagReasons}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return rating.ReceiptNumber;
        });

        StatusMessage = receipt is null ? AlreadyReviewed : $"Đã loại phiếu {receipt}; phiếu không được tính vào thống kê.";
        return RedirectToPage();
    }

    private const string AlreadyReviewed = "Phiếu này đã được kiểm duyệt trước đó (có thể bởi một quản trị viên khác); không có gì thay đổi.";

    public sealed record Row(long Id, string ReceiptNumber, string AgencyName, string? ProcedureCode, DateTime SubmittedAt, IReadOnlyList<string> Reasons, string? Comment);
}
