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
/// tallies commit together, and only the first of two simultaneous reviews counts it. A flagged rating holds no
/// dossier slot while it waits (<see cref="Rating.DossierSlotFilter"/>): accepting it takes the slot, so it is refused
/// when another rating of the dossier holds it; one superseded by a genuine rating is listed, no longer acceptable.
/// </summary>
[Authorize(Policy = PortalPolicies.Administrator)]
public sealed class KiemDuyetModel(PortalDbContext db, ContentLibrary content, CriteriaRegistry registry, AuditLog audit, IOptions<DashboardOptions> options) : StaffPageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    /// <summary>The latest ratings superseded by a genuine rating of the same dossier (no action left on them).</summary>
    public IReadOnlyList<Row> Superseded { get; private set; } = [];

    public int SupersededTotal { get; private set; }

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
        var superseded = db.Ratings.AsNoTracking().Where(rating => rating.ReviewState == ReviewState.Superseded);
        SupersededTotal = await superseded.CountAsync(cancellationToken);
        var supersededRows = await superseded
            .OrderByDescending(rating => rating.SubmittedAt)
            .ThenByDescending(rating => rating.Id)
            .Take(Math.Max(1, options.Value.PageSize))
            .Select(rating => new { rating.Id, rating.ReceiptNumber, rating.AgencyCode, rating.ProcedureCode, rating.SubmittedAt, rating.FlagReasons, rating.Comment })
            .ToListAsync(cancellationToken);
        var snapshot = content.Current;
        Row ToRow(long id, string receipt, string agency, string? procedure, DateTime submittedAt, string? reasons, string? comment) => new(
            id,
            receipt,
            snapshot.NameOf(agency),
            procedure,
            submittedAt,
            (reasons ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            comment);
        Rows = rows.Select(row => ToRow(row.Id, row.ReceiptNumber, row.AgencyCode, row.ProcedureCode, row.SubmittedAt, row.FlagReasons, row.Comment)).ToList();
        Superseded = supersededRows.Select(row => ToRow(row.Id, row.ReceiptNumber, row.AgencyCode, row.ProcedureCode, row.SubmittedAt, row.FlagReasons, row.Comment)).ToList();
    }

    public async Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            StatusMessage = await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                // The conditional update is the lock: a second reviewer's update matches no row and counts nothing. Accepting
                // takes the dossier's slot, so it matches no row either when another rating of the dossier holds it.
                var changed = await db.Ratings
                    .Where(rating => rating.Id == id && rating.ReviewState == ReviewState.Pending)
                    .Where(rating => rating.DossierHash == null || !db.Ratings.Any(other => other.Id != rating.Id && other.DossierHash == rating.DossierHash
                        && (other.ReviewState == ReviewState.NotNeeded || other.ReviewState == ReviewState.Accepted)))
                    .ExecuteUpdateAsync(update => update
                        .SetProperty(rating => rating.ReviewState, ReviewState.Accepted)
                        .SetProperty(rating => rating.CountsInStatistics, true), cancellationToken);
                if (changed == 0)
                {
                    return await RefusalAsync(id, cancellationToken);
                }

                var rating = await db.Ratings.AsNoTracking().Include(candidate => candidate.Answers).FirstAsync(candidate => candidate.Id == id, cancellationToken);
                var set = await registry.ByVersionAsync(db, rating.CriteriaVersion, cancellationToken)
                    ?? throw new InvalidOperationException($"Criteria version {rating.CriteriaVersion} of rating {rating.Id} is unknown.");
                await RatingTallies.AddAsync(db, [(set, rating)], cancellationToken);
                if (rating.DossierHash is { } dossier)
                {
                    // It holds the dossier's slot now: other flagged ratings of the dossier can no longer be accepted.
                    await db.Ratings
                        .Where(other => other.DossierHash == dossier && other.ReviewState == ReviewState.Pending)
                        .ExecuteUpdateAsync(update => update.SetProperty(other => other.ReviewState, ReviewState.Superseded), cancellationToken);
                }

                audit.Add(AuditAction.RatingAccepted, Scope.Email, rating.ReceiptNumber, $"{rating.AgencyCode}; {rating.FlagReasons}");
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return $"Đã chấp nhận phiếu {rating.ReceiptNumber}; phiếu được tính vào thống kê.";
            });
        }
        catch (System.Data.Common.DbException)
        {
            // PostgreSQL: a genuine rating of the same dossier was being written at this moment, and the database
            // refused this accept (the slot's unique index, or a deadlock with the writer's supersede). Nothing changed.
            StatusMessage = SlotRaceMessage;
        }

        return RedirectToPage();
    }

    /// <summary>Why an accept changed nothing: reviewed already, or the dossier's slot is held by another rating.</summary>
    private async Task<string> RefusalAsync(long id, CancellationToken cancellationToken)
    {
        var rating = await db.Ratings.AsNoTracking()
            .Where(candidate => candidate.Id == id)
            .Select(candidate => new { candidate.ReceiptNumber, candidate.ReviewState })
            .FirstOrDefaultAsync(cancellationToken);
        return rating switch
        {
            null => AlreadyReviewed,
            { ReviewState: ReviewState.Pending or ReviewState.Superseded } => $"Không thể chấp nhận phiếu {rating.ReceiptNumber}: hồ sơ này đã có một phiếu hợp lệ khác được tính (mỗi hồ sơ chỉ được đánh giá một lần). Phiếu bị gắn cờ vẫn được giữ, không tính vào thống kê.",
            _ => AlreadyReviewed,
        };
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

    private const string SlotRaceMessage = "Chưa chấp nhận được phiếu: một phiếu khác của cùng hồ sơ vừa được ghi. Tải lại trang để xem trạng thái mới của phiếu.";

    private const string AlreadyReviewed = "Phiếu này đã được kiểm duyệt trước đó (có thể bởi một quản trị viên khác); không có gì thay đổi.";

    public sealed record Row(long Id, string ReceiptNumber, string AgencyName, string? ProcedureCode, DateTime SubmittedAt, IReadOnlyList<string> Reasons, string? Comment);
}
