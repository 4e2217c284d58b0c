using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Dashboard;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Infrastructure;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Pages.QuanTri.GopY;

/// <summary>
/// One rating from the inbox: its answers, comment and reasons (stored masked), the state staff set, and internal
/// notes. A rating outside the caller's scope is answered 404, exactly like one that does not exist.
/// </summary>
public sealed class ChiTietModel(PortalDbContext db, ContentLibrary content, CriteriaRegistry registry, AuditLog audit, TimeProvider time) : StaffPageModel
{
    public Rating Rating { get; private set; } = null!;

    public string AgencyName { get; private set; } = string.Empty;

    public string? ProcedureName { get; private set; }

    public IReadOnlyList<AnswerRow> Answers { get; private set; } = [];

    public IReadOnlyList<NoteRow> Notes { get; private set; } = [];

    public FormErrors Errors { get; } = new();

    [BindProperty]
    public string? NewState { get; set; }

    [BindProperty]
    public string? NoteText { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStateAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (DashboardText.ParseState(NewState) is not { } state)
        {
            Errors.Add("trang-thai", "Chọn trạng thái mới của góp ý.");
            return Page();
        }

        var before = DashboardText.StateLabel(Rating.CommentState);
        if (state != DashboardText.Effective(Rating.CommentState))
        {
            var tracked = await Scope.Ratings(db).FirstAsync(rating => rating.Id == id, cancellationToken);
            tracked.CommentState = state;
            audit.Add(AuditAction.CommentStateChanged, Scope.Email, Rating.ReceiptNumber, $"{before} → {DashboardText.StateLabel(state)}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return Redirect(AgencyHref($"/quan-tri/gop-y/{id}"));
    }

    public async Task<IActionResult> OnPostNoteAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        // Notes follow the comment's rule: identifiers are masked before they are stored, and the length checked is
        // the stored one (a masked number is longer than the number).
        var text = NoteText is null ? null : PersonalDataMasker.Mask(NoteText.Trim());
        if (string.IsNullOrEmpty(text))
        {
            Errors.Add("ghi-chu", "Nhập nội dung ghi chú.");
        }
        else if (text.Length > RatingNote.MaxTextLength)
        {
            Errors.Add("ghi-chu", $"Ghi chú dài {VietnameseText.Number(text.Length)} ký tự khi lưu (số điện thoại, số CCCD/CMND và email được thay bằng dòng chữ «[đã ẩn …]»); tối đa {VietnameseText.Number(RatingNote.MaxTextLength)} ký tự.");
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        db.RatingNotes.Add(new RatingNote
        {
            RatingId = id,
            AuthorId = Scope.UserId,
            Text = text!,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        audit.Add(AuditAction.NoteAdded, Scope.Email, Rating.ReceiptNumber);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect(AgencyHref($"/quan-tri/gop-y/{id}") + "#ghi-chu-noi-bo");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var rating = await Scope.Ratings(db).AsNoTracking()
            .Where(InboxQuery.Cleared)
            .Include(candidate => candidate.Answers)
            .FirstOrDefaultAsync(candidate => candidate.Id == id, cancellationToken);
        if (rating is null)
        {
            return false;
        }

        var snapshot = content.Current;
        Rating = rating;
        AgencyName = snapshot.AgenciesByCode.TryGetValue(rating.AgencyCode, out var agency) ? agency.Name : rating.AgencyCode;
        ProcedureName = rating.ProcedureCode is { } code && snapshot.Procedures.ByCode.TryGetValue(code, out var procedure) ? procedure.Name : rating.ProcedureCode;

        var set = await registry.ByVersionAsync(db, rating.CriteriaVersion, cancellationToken);
        Answers = (set?.Criteria ?? [])
            .Select(criterion => (criterion, answer: rating.Answers.FirstOrDefault(answer => answer.CriterionCode == criterion.Code)))
            .Where(pair => pair.answer is not null)
            .Select(pair => new AnswerRow(pair.criterion.Title, pair.criterion.Option(pair.answer!.Value)?.Label ?? pair.answer.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), pair.answer.Reason))
            .ToList();

        Notes = await db.RatingNotes.AsNoTracking()
            .Where(note => note.RatingId == id)
            .OrderBy(note => note.CreatedAt)
            .ThenBy(note => note.Id)
            .Join(db.Users, note => note.AuthorId, user => user.Id, (note, user) => new NoteRow(user.DisplayName, note.Text, note.CreatedAt))
            .ToListAsync(cancellationToken);
        return true;
    }

    public sealed record AnswerRow(string Question, string Answer, string? Reason);

    public sealed record NoteRow(string Author, string Text, DateTime CreatedAt);
}
