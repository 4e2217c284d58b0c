using System.Security.Cryptography;
using System.Text.Json;

namespace TayNinhCchc.Web.Survey;

/// <summary>
/// One version of the survey's question set (<c>content/danh-gia/*.yml</c>). Every rating records the version it
/// answered; once a version has answers it is frozen (see <see cref="CriteriaRegistry"/>).
/// </summary>
public sealed record CriteriaSet(
    string Version,
    string Title,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    bool Verified,
    IReadOnlyList<string> LegalBasis,
    string Source,
    string? Note,
    IReadOnlyList<Criterion> Criteria)
{
    /// <summary>Whether citizens answer this version on <paramref name="date"/>.</summary>
    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);

    /// <summary>The question whose "satisfied" answers make the % satisfied.</summary>
    public Criterion Overall => Criteria.Single(criterion => criterion.IsOverall);

    public Criterion? Find(string code) => Criteria.FirstOrDefault(criterion => criterion.Code == code);

    /// <summary>SHA-256 of the definition: what is frozen once the version has answers.</summary>
    public string Fingerprint() => Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(this)));
}

/// <summary>One question of a criteria set, with its allowed answers.</summary>
public sealed record Criterion(
    string Code,
    string Title,
    string? Hint,
    bool Required,
    int? Tt01Index,
    bool IsOverall,
    string? ScaleName,
    string Source,
    IReadOnlyList<CriterionOption> Options)
{
    public CriterionOption? Option(int value) => Options.FirstOrDefault(option => option.Value == value);

    /// <summary>The highest points an answer can earn (2 for the TT 01/2018 indices), or null when unscored.</summary>
    public int? MaxPoints => Options.Max(option => option.Points);
}

/// <summary>An allowed answer: stored as the integer <see cref="Value"/>.</summary>
public sealed record CriterionOption(
    int Value,
    string Label,
    int? Points,
    bool Satisfied,
    bool ReasonRequired,
    string? SourceText);
