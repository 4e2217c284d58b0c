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
/// database. A fact the source does not give is null or empty and the page says "Chưa cập nhật".
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
    string PublishedBy,
    string Source,
    DateOnly? LastVerified,
    string SourcePath,
    RenderedMarkdown Body)
{
    /// <summary>The procedure's own address on the portal.</summary>
    public string Url => $"/thu-tuc/{Code}";
}
