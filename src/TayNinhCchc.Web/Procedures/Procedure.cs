using TayNinhCchc.Web.Content;

namespace TayNinhCchc.Web.Procedures;

/// <summary>How a procedure can be carried out (cách thức thực hiện).</summary>
public enum SubmissionChannel
{
    /// <summary>Trực tiếp (in person).</summary>
    InPerson,

    /// <summary>Trực tuyến (online).</summary>
    Online,

    /// <summary>Qua dịch vụ bưu chính công ích (public postal service).</summary>
    Post,
}

/// <summary>Online public-service level since Nghị định 42/2022 (toàn trình / một phần / không).</summary>
public enum OnlineLevel
{
    /// <summary>Not stated by the source: shown as "Chưa cập nhật".</summary>
    Unknown,

    /// <summary>Toàn trình: the whole procedure online.</summary>
    Full,

    /// <summary>Một phần: part of it online.</summary>
    Partial,

    /// <summary>Không cung cấp trực tuyến.</summary>
    None,
}

/// <summary>One document the citizen brings (thành phần hồ sơ).</summary>
public sealed record RequiredDocument(string Name, int? Originals, int? Copies, string? Form);

/// <summary>
/// A public-service procedure (thủ tục hành chính) with the fields of NĐ 63/2010 Điều 8 and the national TTHC
/// database. A fact the source does not give is null or empty and the page says "Chưa cập nhật", unless
/// <see cref="NotPublished"/> says in plain words, with its source, why it is not published and where to ask.
/// </summary>
public sealed record Procedure(
    string Code,
    string Name,
    string Field,
    IReadOnlyList<string> Agencies,
    string AgencyText,
    IReadOnlyList<DeployLevel> Levels,
    IReadOnlyList<string> Audiences,
    IReadOnlyList<SubmissionChannel> Channels,
    string TimeLimit,
    int? TimeLimitWorkingDays,
    string Fee,
    IReadOnlyList<long> FeeAmounts,
    string Result,
    string Requirements,
    IReadOnlyList<string> LegalBasis,
    OnlineLevel OnlineLevel,
    int? LegacyOnlineLevel,
    string? OnlineUrl,
    string Place,
    IReadOnlyList<RequiredDocument> Documents,
    IReadOnlyDictionary<string, string> NotPublished,
    string Notes,
    IReadOnlyList<DeployLevel> LevelsNow,
    string LevelsNowSource,
    string PublishedBy,
    string Source,
    DateOnly? LastVerified,
    string SourcePath,
    RenderedMarkdown Body)
{
    /// <summary>The procedure's own address on the portal.</summary>
    public string Url => $"/thu-tuc/{Code}";

    /// <summary>Published at cấp huyện, a level that no longer exists since 01/7/2025.</summary>
    public bool PublishedAtDistrict => Levels.Contains(DeployLevel.District);

    /// <summary>Why <paramref name="field"/> (a key of <see cref="ProcedureFields.Dieu8"/>) is not published, if a source says.</summary>
    public string? NotPublishedReason(string field) => NotPublished.TryGetValue(field, out var reason) ? reason : null;
}

/// <summary>The facts NĐ 63/2010/NĐ-CP Điều 8 requires a published procedure to state, by front-matter key.</summary>
public static class ProcedureFields
{
    /// <summary>Front-matter key → Vietnamese name, in the order of the page.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> Dieu8 =
    [
        new("agency", "Cơ quan thực hiện"),
        new("place", "Địa điểm thực hiện"),
        new("audiences", "Đối tượng thực hiện"),
        new("channels", "Cách thức thực hiện"),
        new("time_limit", "Thời hạn giải quyết"),
        new("fee", "Phí, lệ phí"),
        new("result", "Kết quả"),
        new("requirements", "Yêu cầu, điều kiện"),
        new("documents", "Thành phần hồ sơ"),
        new("legal_basis", "Căn cứ pháp lý"),
        new("online_level", "Mức độ dịch vụ công trực tuyến"),
        new("online_url", "Địa chỉ nộp trực tuyến"),
    ];

    /// <summary>Whether <paramref name="procedure"/> states <paramref name="field"/> itself (not as "not published").</summary>
    public static bool IsFilled(Procedure procedure, string field) => field switch
    {
        "agency" => procedure.Agencies.Count > 0 || procedure.AgencyText.Length > 0,
        "place" => procedure.Place.Length > 0,
        "audiences" => procedure.Audiences.Count > 0,
        "channels" => procedure.Channels.Count > 0,
        "time_limit" => procedure.TimeLimit.Length > 0,
        "fee" => procedure.Fee.Length > 0,
        "result" => procedure.Result.Length > 0,
        "requirements" => procedure.Requirements.Length > 0,
        "documents" => procedure.Documents.Count > 0,
        "legal_basis" => procedure.LegalBasis.Count > 0,
        "online_level" => procedure.OnlineLevel != OnlineLevel.Unknown,
        "online_url" => procedure.OnlineUrl is not null,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Không phải trường của NĐ 63/2010 Điều 8."),
    };
}
