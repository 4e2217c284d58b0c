using System.Text.RegularExpressions;
using TayNinhCchc.Web.Infrastructure;
using TayNinhCchc.Web.Survey;
using YamlDotNet.RepresentationModel;

namespace TayNinhCchc.Web.Content;

/// <summary>The agency register (records across eras) and the plan's collective designations.</summary>
internal sealed record AgencyDirectory(IReadOnlyList<Agency> Records, IReadOnlyList<AgencyGroup> Groups);

/// <summary>
/// Reads content/co-quan.yml and checks the register's rules (README, «Sổ đăng ký cơ quan»): no two records of one code
/// in force on the same day, every predecessor and successor exists, an ended record names its successors (or is named
/// as a predecessor, or says they are not known), and every agency offered for rating belongs to exactly one results group on each of its days.
/// </summary>
internal static partial class AgencyRegisterReader
{
    /// <summary>The written value of "successor not known".</summary>
    public const string SuccessorUnknown = "chua-ro";

    private static readonly IReadOnlyDictionary<string, UnitShare> Shares = new Dictionary<string, UnitShare>(StringComparer.Ordinal)
    {
        ["toan-bo"] = UnitShare.Whole,
        ["mot-phan"] = UnitShare.Part,
        ["phan-con-lai"] = UnitShare.Remainder,
    };

    public static AgencyDirectory? Read(ContentFile file)
    {
        var rootNode = file.ReadYamlMapping();
        if (rootNode is null)
        {
            return null;
        }

        var top = new YamlFields(rootNode, file);
        var agencyNodes = top.Mappings("agencies", required: true);
        var groupNodes = top.Mappings("groups");
        top.RejectUnknownKeys();

        var records = new List<Agency>();
        foreach (var node in agencyNodes)
        {
            if (ReadRecord(node, file) is { } record)
            {
                records.Add(record);
            }
        }

        var groups = new List<AgencyGroup>();
        var groupCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in groupNodes)
        {
            var fields = new YamlFields(node, file);
            var code = Code(fields, file);
            var name = fields.RequiredString("name");
            var source = fields.RequiredString("source");
            fields.RejectUnknownKeys();
            if (code is not null && !groupCodes.Add(code))
            {
                file.Report(fields.Line, $"Mã nhóm '{code}' bị trùng.");
            }
            else if (code is not null && records.Any(record => record.Code == code))
            {
                file.Report(fields.Line, $"Mã nhóm '{code}' trùng với mã một cơ quan.");
            }
            else if (!fields.HasProblems && code is not null)
            {
                groups.Add(new AgencyGroup(code, name, source, fields.Line));
            }
        }

        foreach (var problem in Check(records))
        {
            file.Report(problem.Line, problem.Message);
        }

        return new AgencyDirectory(records, groups);
    }

    /// <summary>A problem of the register as a whole, at the line of the record it is about.</summary>
    public sealed record RegisterProblem(int Line, string Message);

    /// <summary>The register's rules over all records; also run by the agency import before it writes anything.</summary>
    public static IReadOnlyList<RegisterProblem> Check(IReadOnlyList<Agency> records)
    {
        var problems = new List<RegisterProblem>();
        var codes = records.Select(record => record.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var sameCode in records.GroupBy(record => record.Code, StringComparer.Ordinal))
        {
            var ordered = sameCode.OrderBy(record => record.ValidFrom ?? DateOnly.MinValue).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                for (var j = i + 1; j < ordered.Count; j++)
                {
                    var (a, b) = (ordered[i], ordered[j]);
                    if (a.Overlaps(b.ValidFrom ?? DateOnly.MinValue, b.ValidTo ?? DateOnly.MaxValue))
                    {
                        var day = Max(a.ValidFrom, b.ValidFrom);
                        problems.Add(new RegisterProblem(b.Line,
                            $"Cơ quan '{b.Code}': hai bản ghi cùng mã cùng có hiệu lực ngày {(day is { } d ? VietnameseText.Date(d) : "(ngày bắt đầu chưa rõ)")} (dòng {a.Line} và dòng {b.Line}). Đặt valid_to cho bản ghi trước hoặc valid_from cho bản ghi sau."));
                    }
                }
            }
        }

        foreach (var record in records)
        {
            if (record.ParentCode is { } parent && !codes.Contains(parent))
            {
                problems.Add(new RegisterProblem(record.Line, $"Cơ quan '{record.Code}': mã cơ quan cấp trên '{parent}' không có trong sổ đăng ký."));
            }

            foreach (var link in record.Predecessors.Where(link => !codes.Contains(link.Code)))
            {
                problems.Add(new RegisterProblem(record.Line, $"Cơ quan '{record.Code}': mã cơ quan tiền thân '{link.Code}' không có trong sổ đăng ký."));
            }

            foreach (var link in record.Successors.Where(link => !codes.Contains(link.Code)))
            {
                problems.Add(new RegisterProblem(record.Line, $"Cơ quan '{record.Code}': mã cơ quan kế thừa '{link.Code}' không có trong sổ đăng ký."));
            }

            if (record.ValidTo is { } end && record.Successors.Count == 0 && !record.SuccessorUnknown
                && !records.Any(next => next.Code == record.Code && next.ValidFrom == end.AddDays(1))
                && !records.Any(next => next.Predecessors.Any(link => link.Code == record.Code)))
            {
                problems.Add(new RegisterProblem(record.Line,
                    $"Cơ quan '{record.Code}' kết thúc ngày {VietnameseText.Date(end)} nhưng không ghi cơ quan kế thừa. Ghi successors, hoặc «successors: {SuccessorUnknown}» nếu chưa rõ."));
            }

            if (record.ReceivesDossiers)
            {
                var group = RankingGroups.OfKind(record.Kind);
                if (group is null)
                {
                    problems.Add(new RegisterProblem(record.Line,
                        $"Cơ quan '{record.Code}' nhận hồ sơ (receives_dossiers: true) nhưng loại '{record.Kind.Code()}' không thuộc nhóm kết quả nào. Chỉ sở, ban, ngành, trung tâm, UBND cấp huyện/xã và cơ quan ngành dọc nhận hồ sơ."));
                }
                else if (!group.Value.ExistsOn(record.ValidTo ?? DateOnly.MaxValue))
                {
                    var firstDayWithout = RankingGroups.LastDistrictDay.AddDays(1);
                    problems.Add(new RegisterProblem(record.Line,
                        $"Cơ quan '{record.Code}' nhận hồ sơ nhưng nhóm kết quả «{group.Value.DisplayName()}» không còn từ ngày {VietnameseText.Date(firstDayWithout)}; đặt valid_to trước ngày đó."));
                }
            }
        }

        return problems;
    }

    private static DateOnly? Max(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : (a > b ? a : b);

    private static Agency? ReadRecord(YamlMappingNode node, ContentFile file)
    {
        var fields = new YamlFields(node, file);
        var code = Code(fields, file);
        var name = fields.RequiredString("name");
        var shortName = fields.RequiredString("short_name");
        var levelText = fields.RequiredString("level");
        var kindText = fields.RequiredString("kind");
        var receives = fields.RequiredBool("receives_dossiers");
        var parent = fields.String("parent");
        var validFrom = fields.Date("valid_from");
        var validTo = fields.Date("valid_to");
        var datesNote = fields.String("dates_note");
        var predecessors = Links(fields, file, "predecessors");
        var successorUnknown = fields.IsScalar("successors") && fields.String("successors") is { } text && CheckUnknown(text, fields, file);
        var successors = successorUnknown || fields.IsScalar("successors") ? [] : Links(fields, file, "successors");
        var aliases = fields.List("aliases");
        var formedFrom = fields.String("formed_from");
        var formerUnits = FormerUnits(fields, file);
        var source = fields.RequiredString("source");
        var note = fields.String("note");
        fields.RejectUnknownKeys();

        AgencyLevel level = default;
        if (levelText.Length > 0 && !AgencyLevels.ByCode.TryGetValue(levelText, out level))
        {
            file.Report(fields.LineOf("level"), $"Cấp '{levelText}' không hợp lệ; chọn một trong: {string.Join(", ", AgencyLevels.ByCode.Keys)}.");
        }

        AgencyKind kind = default;
        if (kindText.Length > 0 && !AgencyLevels.KindsByCode.TryGetValue(kindText, out kind))
        {
            file.Report(fields.LineOf("kind"), $"Loại '{kindText}' không hợp lệ; chọn một trong: {string.Join(", ", AgencyLevels.KindsByCode.Keys)}.");
        }

        if (validFrom is { } from && validTo is { } to && to < from)
        {
            file.Report(fields.Line, $"Cơ quan '{code}': ngày hết hiệu lực ({VietnameseText.Date(to)}) trước ngày bắt đầu ({VietnameseText.Date(from)}).");
        }

        if (successors.Count > 0 && validTo is null && datesNote is null)
        {
            file.Report(fields.LineOf("successors"), $"Cơ quan '{code}' có cơ quan kế thừa nhưng không có valid_to: ghi ngày kết thúc, hoặc dates_note nói vì sao chưa rõ.");
        }

        if (fields.HasProblems || code is null)
        {
            return null;
        }

        return new Agency(code, name, shortName, level, kind, receives, parent, validFrom, validTo, predecessors, successors, aliases, source, note, fields.Line)
        {
            SuccessorUnknown = successorUnknown,
            DatesNote = datesNote,
            FormedFrom = formedFrom,
            FormerUnits = formerUnits,
        };
    }

    private static bool CheckUnknown(string text, YamlFields fields, ContentFile file)
    {
        if (text == SuccessorUnknown)
        {
            return true;
        }

        file.Report(fields.LineOf("successors"), $"Trường 'successors' là danh sách {{ code, date, source }} hoặc «{SuccessorUnknown}» (chưa rõ cơ quan kế thừa): '{text}'.");
        return false;
    }

    private static List<AgencyLink> Links(YamlFields fields, ContentFile file, string key)
    {
        var links = new List<AgencyLink>();
        foreach (var node in fields.Mappings(key))
        {
            var link = new YamlFields(node, file);
            var code = link.RequiredString("code");
            var date = link.Date("date");
            var source = link.RequiredString("source");
            link.RejectUnknownKeys();
            if (!link.HasProblems)
            {
                links.Add(new AgencyLink(code, date, source));
            }
        }

        return links;
    }

    private static List<FormerUnit> FormerUnits(YamlFields fields, ContentFile file)
    {
        var units = new List<FormerUnit>();
        foreach (var node in fields.Mappings("former_units"))
        {
            var unit = new YamlFields(node, file);
            var name = unit.RequiredString("name");
            var district = unit.String("district");
            var shareText = unit.String("share") ?? "toan-bo";
            unit.RejectUnknownKeys();
            if (!Shares.TryGetValue(shareText, out var share))
            {
                file.Report(unit.LineOf("share"), $"Phần sáp nhập '{shareText}' không hợp lệ; chọn một trong: {string.Join(", ", Shares.Keys)}.");
            }
            else if (!unit.HasProblems)
            {
                units.Add(new FormerUnit(name, district, share));
            }
        }

        return units;
    }

    private static string? Code(YamlFields fields, ContentFile file)
    {
        var code = fields.RequiredString("code");
        if (code.Length == 0)
        {
            return null;
        }

        if (!CodePattern().IsMatch(code))
        {
            file.Report(fields.Line, $"Mã '{code}' không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang.");
            return null;
        }

        return code;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}
