using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TayNinhCchc.Web.BotProtection;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Infrastructure;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Pages.DanhGia;

/// <summary>
/// The satisfaction survey (QĐ 800/QĐ-UBND, within NĐ 61/2018): a citizen rates how an agency handled a dossier.
/// Every field is bound as text and checked here, so any malformed input gets a Vietnamese message naming the field
/// and nothing is stored until everything is valid. A valid rating whose anti-bot check failed (no JavaScript, too fast,
/// a replayed challenge…) is still stored, flagged for review and left out of the statistics until a reviewer accepts it.
/// </summary>
// The challenge is spent in the rating's own transaction (one group commit per post instead of two); a post that stores
// nothing spends it through the ledger, so a challenge is never good for a second post either way.
[ValidateBotProtection(Action = BotAction, SpendWithSubmission = true)]
public sealed class IndexModel(
    ContentLibrary content,
    PortalDbContext db,
    CriteriaRegistry registry,
    RatingRecorder recorder,
    IChallengeLedger challenges,
    TimeProvider time,
    IOptions<SurveyOptions> options) : PageModel, IRateLimitedForm
{
    /// <summary>The action shared by the page's <c>&lt;bot-protection&gt;</c> tag and its check.</summary>
    public const string BotAction = "danh_gia";

    /// <summary>The submit button's id: where the error summary points for what concerns the whole form.</summary>
    public const string SubmitId = "gui-danh-gia";

    private static readonly StringComparer VietnameseOrder = StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), ignoreCase: true);

    /// <summary>Channel values in the form, with their labels.</summary>
    public static readonly IReadOnlyList<(string Value, RatingChannel Channel, string Label)> Channels =
    [
        ("truc-tiep", RatingChannel.InPerson, "Trực tiếp tại Bộ phận Một cửa"),
        ("truc-tuyen", RatingChannel.Online, "Trực tuyến (dịch vụ công trực tuyến)"),
        ("buu-chinh", RatingChannel.Post, "Qua dịch vụ bưu chính công ích"),
    ];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CriteriaSet? Criteria { get; private set; }

    public IReadOnlyList<AgencyChoiceGroup> AgencyGroups { get; private set; } = [];

    /// <summary>Problems in the order of the form, for the error summary; the key is the field's id.</summary>
    public List<FieldError> Errors { get; } = [];

    public SurveyOptions Settings => options.Value;

    public string? ProcedureName { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "co-quan")] string? agency, [FromQuery(Name = "thu-tuc")] string? procedure)
    {
        await LoadAsync();
        Input.Agency = agency is not null && AgencyGroups.Any(group => group.Agencies.Any(choice => choice.Code == agency)) ? agency : null;
        if (procedure is not null && content.Current.Procedures.ByCode.TryGetValue(procedure, out var known))
        {
            Input.Procedure = known.Code;
            ProcedureName = known.Name;
            Input.Agency ??= known.Agencies.FirstOrDefault(code => AgencyGroups.Any(group => group.Agencies.Any(choice => choice.Code == code)));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync();
        var challenge = HttpContext.GetBotCheckResult()?.PendingSpend;
        if (Criteria is null || !HasOnlyValidCharacters(Criteria) || Validate(Criteria) is not { } submission)
        {
            if (challenge is not null)
            {
                await challenges.TrySpendAsync(challenge.Id, challenge.ExpiresAt, challenge.Now, cancellationToken);
            }

            return Page();
        }

        // An already-rated dossier is found by the writer's unique index, in the same transaction: no query first.
        RecordResult result;
        try
        {
            result = await recorder.RecordAsync(Criteria, submission, challenge, cancellationToken);
        }
        catch (RatingWriteFailedException)
        {
            // Only this rating failed (the writer stored the others of its group); the citizen keeps the answers.
            Errors.Add(new FieldError("comment", NotStoredMessage));
            return Page();
        }

        if (!result.Saved)
        {
            Errors.Add(new FieldError("dossier", DuplicateDossierMessage));
            return Page();
        }

        return RedirectToPage("CamOn", new { so = result.ReceiptNumber });
    }

    /// <summary>Over the per-client limit: the form again, answers kept, saying when to send it (nothing stored).</summary>
    public async Task<PageResult> RateLimitedAsync(string message)
    {
        await LoadAsync();
        Errors.Add(new FieldError(SubmitId, message));
        return Page();
    }

    public string? ErrorFor(string id) => Errors.FirstOrDefault(error => error.Id == id)?.Message;

    /// <summary>True when no question has an answer, reason or error to show: the questions' markup is the same for all.</summary>
    public bool ShowsBlankQuestions => Errors.Count == 0 && Input.Answers.Count == 0 && Input.Reasons.Count == 0;

    /// <summary>What the questions' markup depends on: the criteria version, and the content (reloads may edit it).</summary>
    public string QuestionsCacheKey => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Criteria?.Version}:{content.Version}");

    private const string NotStoredMessage = "Phiếu chưa được lưu vì hệ thống không ghi được nội dung phiếu này. Các câu trả lời vẫn còn trên trang: xem lại phần góp ý và lý do (bỏ ký tự lạ nếu có) rồi gửi lại.";

    private const string DuplicateDossierMessage = "Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.";

    private async Task LoadAsync()
    {
        Criteria = await registry.CurrentAsync(db, HttpContext.RequestAborted);
        AgencyGroups = AgencyChoicesOn(content.Current, VietnamClock.Today(time));
    }

    // Sorting every agency by Vietnamese collation on each form view and post showed in the ingest profile; the list
    // only changes with the content snapshot or the date, so it is kept per snapshot for the day it was made.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ContentSnapshot, AgencyChoicesOfDay> AgencyChoicesBySnapshot = [];

    private static IReadOnlyList<AgencyChoiceGroup> AgencyChoicesOn(ContentSnapshot snapshot, DateOnly today)
    {
        if (AgencyChoicesBySnapshot.TryGetValue(snapshot, out var cached) && cached.Day == today)
        {
            return cached.Groups;
        }

        // Only agencies citizens hand dossiers to, in force today, grouped as the results are (QĐ 766).
        var groups = snapshot.RateableOn(today)
            .GroupBy(agency => RankingGroups.Of(agency)!.Value)
            .OrderBy(group => RankingGroups.All.ToList().IndexOf(group.Key))
            .Select(group => new AgencyChoiceGroup(
                ChoiceGroupName(group.Key),
                group.Select(agency => new AgencyChoice(agency.Code, agency.Name, FormerNames(agency)))
                    .OrderBy(choice => choice.Name, VietnameseOrder)
                    .ToList()))
            .ToList();
        AgencyChoicesBySnapshot.AddOrUpdate(snapshot, new AgencyChoicesOfDay(today, groups));
        return groups;
    }

    private sealed record AgencyChoicesOfDay(DateOnly Day, IReadOnlyList<AgencyChoiceGroup> Groups);

    private RatingSubmission? Validate(CriteriaSet criteria)
    {
        var snapshot = content.Current;
        var agency = Input.Agency?.Trim();
        if (string.IsNullOrEmpty(agency))
        {
            Errors.Add(new FieldError("agency", "Chọn cơ quan đã giải quyết hồ sơ của bạn."));
        }
        else if (!AgencyGroups.Any(group => group.Agencies.Any(choice => choice.Code == agency)))
        {
            Errors.Add(new FieldError("agency", "Cơ quan đã chọn không có trong danh sách cơ quan hiện hành. Chọn lại cơ quan."));
        }

        var procedure = Input.Procedure?.Trim();
        if (string.IsNullOrEmpty(procedure))
        {
            procedure = null;
        }
        else if (!snapshot.Procedures.ByCode.ContainsKey(procedure))
        {
            Errors.Add(new FieldError("procedure", $"Không tìm thấy thủ tục có mã «{Shorten(procedure)}». Nhập mã TTHC dạng 1.001193 hoặc để trống."));
        }

        // Checked as normalised: "ABC–123" and "ＡＢＣ－１２３" are the code "ABC-123" on the receipt.
        var dossier = DossierCode.Normalise(Input.Dossier);
        if (dossier is not null && !DossierCode.IsValid(dossier))
        {
            Errors.Add(new FieldError("dossier", DossierCode.InvalidMessage));
        }

        var channel = Channels.FirstOrDefault(choice => choice.Value == Input.Channel);
        if (channel.Value is null)
        {
            Errors.Add(new FieldError("channel", "Chọn cách bạn đã nộp hồ sơ."));
        }

        if (Input.Version != criteria.Version)
        {
            Errors.Add(new FieldError(CriterionId(criteria.Criteria[0]), "Bộ câu hỏi vừa được cập nhật. Vui lòng xem lại và trả lời các câu hỏi bên dưới."));
        }

        var unknown = Input.Answers.Keys.Concat(Input.Reasons.Keys).FirstOrDefault(code => criteria.Find(code) is null);
        if (unknown is not null)
        {
            Errors.Add(new FieldError(CriterionId(criteria.Criteria[0]), $"Câu trả lời gửi kèm một tiêu chí không có trong bộ câu hỏi («{Shorten(unknown)}»). Vui lòng trả lời lại."));
        }

        var answers = new Dictionary<string, int>(StringComparer.Ordinal);
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var criterion in criteria.Criteria)
        {
            var text = Input.Answers.GetValueOrDefault(criterion.Code)?.Trim();
            var id = CriterionId(criterion);
            if (string.IsNullOrEmpty(text))
            {
                if (criterion.Required)
                {
                    Errors.Add(new FieldError(id, $"Chọn một câu trả lời cho «{criterion.Title}»."));
                }

                continue;
            }

            if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
                || criterion.Option(value) is not { } option)
            {
                Errors.Add(new FieldError(id, $"Câu trả lời cho «{criterion.Title}» không hợp lệ. Chọn một trong các lựa chọn."));
                continue;
            }

            answers[criterion.Code] = value;
            var reason = Input.Reasons.GetValueOrDefault(criterion.Code)?.Trim();
            if (option.ReasonRequired && string.IsNullOrEmpty(reason))
            {
                Errors.Add(new FieldError(ReasonId(criterion), $"Cho biết lý do bạn chọn «{option.Label}» ở câu «{criterion.Title}»."));
            }
            else if (reason is { Length: > 0 } && TooLong(reason, Settings.MaxReasonLength, $"Lý do ở câu «{criterion.Title}»") is { } tooLong)
            {
                Errors.Add(new FieldError(ReasonId(criterion), tooLong));
            }
            else if (option.ReasonRequired && reason is { Length: > 0 })
            {
                reasons[criterion.Code] = reason;
            }
        }

        var comment = Input.Comment?.Trim();
        if (comment is { Length: > 0 } && TooLong(comment, Settings.MaxCommentLength, "Góp ý") is { } commentTooLong)
        {
            Errors.Add(new FieldError("comment", commentTooLong));
        }

        if (Input.Consent != "dong-y")
        {
            Errors.Add(new FieldError("consent", "Đánh dấu vào ô đồng ý để gửi đánh giá, sau khi đọc thông báo về dữ liệu cá nhân."));
        }

        if (Errors.Count > 0)
        {
            return null;
        }

        return new RatingSubmission(
            agency!,
            procedure,
            dossier,
            channel.Channel,
            answers,
            reasons,
            string.IsNullOrEmpty(comment) ? null : comment,
            HttpContext.Connection.RemoteIpAddress?.ToString(),
            HttpContext.GetBotCheckResult() is { Success: false } check ? check.Errors : []);
    }

    /// <summary>
    /// Lengths are checked on what is stored — the normalised, masked text — as well as on what was typed: a 9-digit
    /// number becomes a 20-character marker, and a text that fits as typed may not fit once masked.
    /// </summary>
    private static string? TooLong(string text, int max, string field)
    {
        if (text.Length > max)
        {
            return $"{field} dài {VietnameseText.Number(text.Length)} ký tự; tối đa {VietnameseText.Number(max)} ký tự.";
        }

        var stored = PersonalDataMasker.Mask(text).Length;
        return stored <= max
            ? null
            : $"{field} dài {VietnameseText.Number(stored)} ký tự khi lưu, vì mỗi số điện thoại, số CCCD/CMND hay email được thay bằng một dòng chữ «[đã ẩn …]»; tối đa {VietnameseText.Number(max)} ký tự. Hãy rút gọn hoặc bỏ các số đó.";
    }

    /// <summary>
    /// Every field is checked for characters no one types (control characters, lone surrogates, a NUL byte): each such
    /// field is named, and shown again without them, before any other check reads it.
    /// </summary>
    private bool HasOnlyValidCharacters(CriteriaSet criteria)
    {
        string? Checked(string? value, string id, string label)
        {
            if (!FormText.HasInvalidCharacters(value))
            {
                return value;
            }

            Errors.Add(new FieldError(id, $"«{label}» có ký tự không hợp lệ (ký tự điều khiển hoặc ký tự không đọc được). Cổng đã bỏ ký tự đó; xem lại rồi gửi lại."));
            return FormText.Clean(value!);
        }

        Input.Agency = Checked(Input.Agency, "agency", "Cơ quan giải quyết hồ sơ");
        Input.Procedure = Checked(Input.Procedure, "procedure", "Mã thủ tục hành chính");
        Input.Dossier = Checked(Input.Dossier, "dossier", "Mã hồ sơ");
        Input.Channel = Checked(Input.Channel, "channel", "Cách nộp hồ sơ");
        Input.Version = Checked(Input.Version, CriterionId(criteria.Criteria[0]), "Phiên bản bộ câu hỏi");
        foreach (var code in Input.Answers.Keys.ToList())
        {
            var criterion = criteria.Find(code) ?? criteria.Criteria[0];
            Input.Answers[code] = Checked(Input.Answers[code], CriterionId(criterion), $"Câu trả lời cho câu «{criterion.Title}»");
        }

        foreach (var code in Input.Reasons.Keys.ToList())
        {
            var criterion = criteria.Find(code) ?? criteria.Criteria[0];
            Input.Reasons[code] = Checked(Input.Reasons[code], ReasonId(criterion), $"Lý do ở câu «{criterion.Title}»");
        }

        Input.Comment = Checked(Input.Comment, "comment", "Góp ý");
        Input.Consent = Checked(Input.Consent, "consent", "Đồng ý xử lý dữ liệu cá nhân");
        return Errors.Count == 0;
    }

    public static string CriterionId(Criterion criterion) => $"tieu-chi-{criterion.Code}";

    public static string ReasonId(Criterion criterion) => $"ly-do-{criterion.Code}";

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    private static string ChoiceGroupName(RankingGroup group) => group switch
    {
        RankingGroup.Departments => "Cấp tỉnh (sở, ban, ngành, Trung tâm Phục vụ hành chính công tỉnh)",
        RankingGroup.Communes => "Cấp xã (xã, phường)",
        RankingGroup.LineAgencies => "Cơ quan ngành dọc",
        _ => "Cấp huyện",
    };

    // Former communes and earlier names, for the type-to-filter enhancement: "Trường Tây" finds phường Long Hoa.
    private static string FormerNames(Agency agency) =>
        string.Join("; ", agency.FormerUnits.Select(unit => unit.Name).Concat(agency.Aliases).Distinct(StringComparer.Ordinal));

    /// <summary>The form's fields, all as text: conversion happens in <see cref="Validate"/> with Vietnamese messages.</summary>
    public sealed class InputModel
    {
        public string? Agency { get; set; }

        public string? Procedure { get; set; }

        public string? Dossier { get; set; }

        public string? Channel { get; set; }

        /// <summary>The criteria-set version the form was shown with.</summary>
        public string? Version { get; set; }

        public Dictionary<string, string?> Answers { get; set; } = new(StringComparer.Ordinal);

        public Dictionary<string, string?> Reasons { get; set; } = new(StringComparer.Ordinal);

        public string? Comment { get; set; }

        public string? Consent { get; set; }
    }

    public sealed record AgencyChoiceGroup(string Label, IReadOnlyList<AgencyChoice> Agencies);

    /// <summary>An agency offered for rating; FormerNames (former units and other names, "; "-separated) feed the filter.</summary>
    public sealed record AgencyChoice(string Code, string Name, string FormerNames);

    public sealed record FieldError(string Id, string Message);
}
