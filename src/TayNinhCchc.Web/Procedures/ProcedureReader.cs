using System.Text.RegularExpressions;
using TayNinhCchc.Web.Content;

namespace TayNinhCchc.Web.Procedures;

/// <summary>Reads one procedure file (<c>content/thu-tuc/&lt;code&gt;.md</c>): front matter plus body sections.</summary>
internal static partial class ProcedureReader
{
    public static readonly IReadOnlyDictionary<string, SubmissionChannel> ChannelCodes = new Dictionary<string, SubmissionChannel>
    {
        ["truc-tiep"] = SubmissionChannel.InPerson,
        ["truc-tuyen"] = SubmissionChannel.Online,
        ["buu-chinh"] = SubmissionChannel.Post,
    };

    public static readonly IReadOnlyDictionary<string, OnlineLevel> OnlineLevelCodes = new Dictionary<string, OnlineLevel>
    {
        ["toan-trinh"] = OnlineLevel.Full,
        ["mot-phan"] = OnlineLevel.Partial,
        ["khong"] = OnlineLevel.None,
    };

    public static readonly IReadOnlyDictionary<string, DeployLevel> LevelCodes = new Dictionary<string, DeployLevel>
    {
        ["tinh"] = DeployLevel.Province,
        ["huyen"] = DeployLevel.District,
        ["xa"] = DeployLevel.Commune,
    };

    public static Procedure? Read(ContentFile file, IReadOnlySet<string> knownAgencyCodes, MarkdownRenderer markdown)
    {
        var front = file.ReadFrontMatter();
        if (front is null)
        {
            return null;
        }

        var fields = new YamlFields(front, file);
        var code = fields.RequiredString("code");
        var name = fields.RequiredString("name");
        var field = fields.RequiredString("field");
        var agencies = fields.List("agencies");
        var agencyText = fields.String("agency_text") ?? string.Empty;
        var levels = Codes(fields, file, "levels", LevelCodes);
        var audiences = fields.List("audiences");
        var channels = Codes(fields, file, "channels", ChannelCodes);
        var timeLimit = fields.String("time_limit") ?? string.Empty;
        var days = fields.Long("time_limit_days");
        var fee = fields.String("fee") ?? string.Empty;
        var feeAmounts = fields.List("fee_amounts");
        var result = fields.String("result") ?? string.Empty;
        var requirements = fields.String("requirements") ?? string.Empty;
        var legalBasis = fields.List("legal_basis");
        var onlineText = fields.String("online_level");
        var legacy = fields.Long("online_level_legacy");
        var onlineUrl = fields.String("online_url");
        var place = fields.String("place") ?? string.Empty;
        var documentNodes = fields.Mappings("documents");
        var notPublished = fields.TextMap("not_published");
        var notes = fields.String("notes") ?? string.Empty;
        var levelsNow = Codes(fields, file, "levels_now", LevelCodes);
        var levelsNowSource = fields.String("levels_now_source") ?? string.Empty;
        var publishedBy = fields.RequiredString("published_by");
        var source = fields.RequiredString("source");
        var lastVerified = fields.Date("last_verified");
        fields.RejectUnknownKeys();

        if (code.Length > 0 && !CodePattern().IsMatch(code))
        {
            file.Report(fields.LineOf("code"), $"Mã TTHC '{code}' không đúng dạng d.dddddd (ví dụ 1.001193).");
        }

        foreach (var key in notPublished.Keys.Where(key => !ProcedureFields.Dieu8.Any(pair => pair.Key == key)))
        {
            file.Report(fields.LineOf("not_published"), $"'not_published' chỉ ghi các trường của NĐ 63/2010 Điều 8 ({string.Join(", ", ProcedureFields.Dieu8.Select(pair => pair.Key))}), không ghi '{key}'.");
        }

        if (levelsNow.Count > 0 && levelsNowSource.Length == 0)
        {
            file.Report(fields.LineOf("levels_now"), "Có 'levels_now' (cấp đang thực hiện sau 01/7/2025) thì phải ghi nguồn ở 'levels_now_source'.");
        }

        if (levelsNow.Contains(DeployLevel.District))
        {
            file.Report(fields.LineOf("levels_now"), "'levels_now' không thể là cấp huyện: từ 01/7/2025 không còn cấp huyện.");
        }

        if (BareNumberIn(timeLimit) is { } bare)
        {
            file.Report(fields.LineOf("time_limit"),
                $"Thời hạn '{timeLimit}' có con số '{bare}' không kèm đơn vị: ghi rõ ngày, ngày làm việc, giờ hoặc tháng, hoặc ghi lý do ở 'not_published'.");
        }

        if (levels.Count == 0 && !fields.HasProblems)
        {
            file.Report(fields.LineOf("levels"), "Cần ít nhất một cấp thực hiện trong 'levels' (tinh, huyen, xa).");
        }

        foreach (var agency in agencies.Where(agency => !knownAgencyCodes.Contains(agency)))
        {
            file.Report(fields.LineOf("agencies"), $"Mã cơ quan không có trong danh mục {ContentLoader.AgencyFile}: '{agency}'.");
        }

        var amounts = new List<long>();
        foreach (var amount in feeAmounts)
        {
            if (long.TryParse(amount, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                amounts.Add(value);
            }
            else
            {
                file.Report(fields.LineOf("fee_amounts"), $"Mức phí '{amount}' phải là số nguyên (đồng), không có dấu chấm phân cách.");
            }
        }

        var online = OnlineLevel.Unknown;
        if (onlineText is not null && !OnlineLevelCodes.TryGetValue(onlineText, out online))
        {
            file.Report(fields.LineOf("online_level"), $"Mức độ DVC trực tuyến '{onlineText}' không hợp lệ; chọn toan-trinh, mot-phan hoặc khong.");
        }

        if (legacy is < 1 or > 4)
        {
            file.Report(fields.LineOf("online_level_legacy"), $"Mức độ DVC (trước 2022) phải từ 1 đến 4, không phải {legacy}.");
        }

        if (onlineUrl is not null && !(Uri.TryCreate(onlineUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"))
        {
            file.Report(fields.LineOf("online_url"), $"Địa chỉ dịch vụ công trực tuyến không hợp lệ: '{onlineUrl}'.");
        }

        var documents = documentNodes.Select(node =>
        {
            var item = new YamlFields(node, file);
            var document = new RequiredDocument(
                item.RequiredString("name"), (int?)item.Long("originals"), (int?)item.Long("copies"), item.String("form"));
            item.RejectUnknownKeys();
            return document;
        }).ToList();

        if (file.Problems.Count > 0)
        {
            return null;
        }

        return new Procedure(code, name, field, agencies, agencyText, levels, audiences, channels, timeLimit, (int?)days, fee, amounts,
            result, requirements, legalBasis, online, (int?)legacy, onlineUrl, place, documents, notPublished, notes, levelsNow, levelsNowSource,
            publishedBy, source, lastVerified,
            file.RelativePath, markdown.Render(file.Body));
    }

    /// <summary>
    /// The number standing alone in a time limit ("1" in "Trực tuyến: 1; Trực tiếp: 1"): the whole value, or one
    /// channel's part, is a number with no unit after it. "1 what?" must never reach a citizen. Null when there is none.
    /// </summary>
    public static string? BareNumberIn(string timeLimit) => BareNumber().Match(timeLimit) is { Success: true } match ? match.Groups[1].Value : null;

    private static List<T> Codes<T>(YamlFields fields, ContentFile file, string key, IReadOnlyDictionary<string, T> allowed)
    {
        var values = new List<T>();
        foreach (var code in fields.List(key))
        {
            if (allowed.TryGetValue(code, out var value))
            {
                values.Add(value);
            }
            else
            {
                file.Report(fields.LineOf(key), $"Giá trị '{code}' của trường '{key}' không hợp lệ; chọn trong: {string.Join(", ", allowed.Keys)}.");
            }
        }

        return values;
    }

    [GeneratedRegex(@"^\d\.\d{6}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"(?:^|:\s*)(\d+)\s*(?:;|$)")]
    private static partial Regex BareNumber();
}
