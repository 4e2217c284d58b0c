using System.Text.RegularExpressions;
using TayNinhCchc.Web.Content;

namespace TayNinhCchc.Web.Survey;

/// <summary>Reads and checks one criteria-set file; every problem is reported with its line.</summary>
internal static partial class CriteriaReader
{
    public static CriteriaSet? Read(ContentFile file)
    {
        var root = file.ReadYamlMapping();
        if (root is null)
        {
            return null;
        }

        var fields = new YamlFields(root, file);
        var version = fields.RequiredString("version");
        if (version.Length > 0 && !CodePattern().IsMatch(version))
        {
            file.Report(fields.LineOf("version"), $"Mã phiên bản '{version}' chỉ được gồm chữ thường không dấu, số và dấu gạch ngang.");
        }

        var title = fields.RequiredString("title");
        var validFrom = fields.Date("valid_from", required: true);
        var validTo = fields.Date("valid_to");
        if (validFrom is { } from && validTo is { } to && to < from)
        {
            file.Report(fields.LineOf("valid_to"), "Ngày 'valid_to' phải sau hoặc bằng 'valid_from'.");
        }

        var verified = fields.Bool("verified");
        var legalBasis = fields.List("legal_basis");
        var source = fields.RequiredString("source");
        var note = fields.String("note");
        var scales = ReadScales(file, fields.Mappings("scales"));
        var criteria = ReadCriteria(file, fields.Mappings("criteria", required: true), scales);
        fields.RejectUnknownKeys();

        var overall = criteria.Count(criterion => criterion.IsOverall);
        if (criteria.Count > 0 && overall != 1)
        {
            file.Report(fields.LineOf("criteria"), $"Cần đúng một tiêu chí có 'role: overall' (câu hỏi tổng thể); đang có {overall}.");
        }

        return file.Problems.Count > 0 || validFrom is null
            ? null
            : new CriteriaSet(version, title, validFrom.Value, validTo, verified, legalBasis, source, note, criteria);
    }

    private sealed record Scale(string Name, IReadOnlyList<CriterionOption> Options);

    private static Dictionary<string, Scale> ReadScales(ContentFile file, IReadOnlyList<YamlDotNet.RepresentationModel.YamlMappingNode> nodes)
    {
        var scales = new Dictionary<string, Scale>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var fields = new YamlFields(node, file);
            var code = fields.RequiredString("code");
            var name = fields.RequiredString("name");
            var options = ReadOptions(file, fields, "options");
            fields.RejectUnknownKeys();
            if (!scales.TryAdd(code, new Scale(name, options)))
            {
                file.Report(fields.Line, $"Trùng mã thang đo '{code}'.");
            }
        }

        return scales;
    }

    private static List<Criterion> ReadCriteria(ContentFile file, IReadOnlyList<YamlDotNet.RepresentationModel.YamlMappingNode> nodes, Dictionary<string, Scale> scales)
    {
        var criteria = new List<Criterion>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var indices = new HashSet<long>();
        foreach (var node in nodes)
        {
            var fields = new YamlFields(node, file);
            var code = fields.RequiredString("code");
            if (code.Length > 0 && !CodePattern().IsMatch(code))
            {
                file.Report(fields.LineOf("code"), $"Mã tiêu chí '{code}' chỉ được gồm chữ thường không dấu, số và dấu gạch ngang.");
            }
            else if (code.Length > 0 && !codes.Add(code))
            {
                file.Report(fields.LineOf("code"), $"Trùng mã tiêu chí '{code}'.");
            }

            var title = fields.RequiredString("title");
            var hint = fields.String("hint");
            var required = fields.Bool("required");
            var index = fields.Long("tt01_index");
            if (index is < 1 or > 9)
            {
                file.Report(fields.LineOf("tt01_index"), $"'tt01_index' phải từ 1 đến 9 (09 chỉ số của TT 01/2018/TT-VPCP): '{index}'.");
            }
            else if (index is { } number && !indices.Add(number))
            {
                file.Report(fields.LineOf("tt01_index"), $"Chỉ số {number} của TT 01/2018 đã được gán cho một tiêu chí khác.");
            }

            var role = fields.String("role");
            if (role is not null and not "overall")
            {
                file.Report(fields.LineOf("role"), $"'role' chỉ nhận giá trị 'overall': '{role}'.");
            }

            var source = fields.RequiredString("source");
            var scaleCode = fields.String("scale");
            var ownOptions = ReadOptions(file, fields, "options");
            fields.RejectUnknownKeys();

            IReadOnlyList<CriterionOption> options = ownOptions;
            string? scaleName = null;
            if (scaleCode is not null && ownOptions.Count > 0)
            {
                file.Report(fields.LineOf("scale"), "Mỗi tiêu chí dùng 'scale' hoặc 'options', không dùng cả hai.");
            }
            else if (scaleCode is not null)
            {
                if (scales.TryGetValue(scaleCode, out var scale))
                {
                    options = scale.Options;
                    scaleName = scale.Name;
                }
                else
                {
                    file.Report(fields.LineOf("scale"), $"Không có thang đo '{scaleCode}' trong mục 'scales'.");
                }
            }
            else if (ownOptions.Count == 0)
            {
                file.Report(fields.Line, $"Tiêu chí '{code}' cần 'scale' hoặc 'options'.");
            }

            if (index is not null && options.Any(option => option.Points is null))
            {
                file.Report(fields.Line, $"Tiêu chí '{code}' là chỉ số của TT 01/2018 nên mọi lựa chọn cần 'points' (0–2).");
            }

            criteria.Add(new Criterion(code, title, hint, required, (int?)index, role == "overall", scaleName, source, options));
        }

        return criteria;
    }

    private static List<CriterionOption> ReadOptions(ContentFile file, YamlFields parent, string key)
    {
        var options = new List<CriterionOption>();
        var values = new HashSet<long>();
        foreach (var node in parent.Mappings(key))
        {
            var fields = new YamlFields(node, file);
            var value = fields.Long("value", required: true);
            var label = fields.RequiredString("label");
            var points = fields.Long("points");
            var satisfied = fields.Bool("satisfied");
            var reasonRequired = fields.Bool("reason_required");
            var sourceText = fields.String("source_text");
            fields.RejectUnknownKeys();
            if (points is > 2)
            {
                file.Report(fields.LineOf("points"), $"'points' phải là 0, 1 hoặc 2: '{points}'.");
            }

            if (value is > 100)
            {
                file.Report(fields.LineOf("value"), $"'value' phải từ 0 đến 100: '{value}'.");
            }
            else if (value is { } number && !values.Add(number))
            {
                file.Report(fields.LineOf("value"), $"Trùng giá trị lựa chọn {number}.");
            }

            if (value is not null)
            {
                options.Add(new CriterionOption((int)value.Value, label, (int?)points, satisfied, reasonRequired, sourceText));
            }
        }

        return options;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}
