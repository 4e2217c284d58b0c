using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace TayNinhCchc.Web.Content;

/// <summary>
/// Reads the fields of one YAML mapping with their line numbers, collecting problems instead of throwing, so that
/// one pass over a file reports every mistake in it.
/// </summary>
internal sealed class YamlFields
{
    private readonly YamlMappingNode node;
    private readonly ContentFile file;
    private readonly HashSet<string> readKeys = new(StringComparer.Ordinal);
    private int problemsBefore;

    public YamlFields(YamlMappingNode node, ContentFile file)
    {
        this.node = node;
        this.file = file;
        problemsBefore = file.Problems.Count;
    }

    /// <summary>Line of the mapping itself in the file.</summary>
    public int Line => file.LineOf(node);

    /// <summary>Line of the value of <paramref name="key"/>, or of the mapping when the key is absent.</summary>
    public int LineOf(string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? file.LineOf(child) : Line;

    /// <summary>Whether reading this mapping added any problem.</summary>
    public bool HasProblems => file.Problems.Count > problemsBefore;

    public string? String(string key, bool required = false)
    {
        var value = Scalar(key, required);
        if (value is null)
        {
            return null;
        }

        var text = value.Value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                file.Report(value, $"Trường bắt buộc '{key}' đang để trống.");
            }

            return null;
        }

        return text;
    }

    public string RequiredString(string key) => String(key, required: true) ?? string.Empty;

    public DateOnly? Date(string key, bool required = false)
    {
        var value = Scalar(key, required);
        var text = value?.Value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required && value is not null)
            {
                file.Report(value, $"Trường bắt buộc '{key}' đang để trống.");
            }

            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        file.Report(value!, $"Ngày không hợp lệ ở trường '{key}': '{text}' (cần dạng yyyy-MM-dd, ví dụ 2021-01-01).");
        return null;
    }

    /// <summary>A date with optional time and offset; a value without offset is read as Vietnam time (UTC+7).</summary>
    public DateTime? DateTimeUtc(string key)
    {
        var value = Scalar(key, required: false);
        var text = value?.Value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];
        if (System.DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return System.DateTime.SpecifyKind(local.AddHours(-7), DateTimeKind.Utc);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
            && text.Contains('T', StringComparison.Ordinal))
        {
            return withOffset.UtcDateTime;
        }

        file.Report(value!, $"Thời điểm không hợp lệ ở trường '{key}': '{text}' (cần dạng yyyy-MM-ddTHH:mm, giờ Việt Nam, hoặc kèm múi giờ).");
        return null;
    }

    public long? Long(string key, bool required = false)
    {
        var value = Scalar(key, required);
        var text = value?.Value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        file.Report(value!, $"Giá trị của trường '{key}' phải là số nguyên không âm, không có dấu chấm phân cách: '{text}'.");
        return null;
    }

    /// <summary>A yes/no field that must be written out: an unstated answer is a problem, not a default.</summary>
    public bool RequiredBool(string key)
    {
        if (!node.Children.ContainsKey(new YamlScalarNode(key)))
        {
            readKeys.Add(key);
            file.Report(Line, $"Thiếu trường bắt buộc '{key}' (true hoặc false).");
            return false;
        }

        return Bool(key);
    }

    /// <summary>Whether <paramref name="key"/> holds a single value (as opposed to a list, a mapping or nothing).</summary>
    public bool IsScalar(string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlScalarNode;

    public bool Bool(string key)
    {
        var value = Scalar(key, required: false);
        var text = value?.Value?.Trim();
        switch (text)
        {
            case null or "":
                return false;
            case "true" or "True" or "yes":
                return true;
            case "false" or "False" or "no":
                return false;
            default:
                file.Report(value!, $"Trường '{key}' chỉ nhận true hoặc false: '{text}'.");
                return false;
        }
    }

    /// <summary>A list of scalars, written either as a YAML sequence or as one scalar.</summary>
    public IReadOnlyList<string> List(string key)
    {
        var child = Child(key);
        switch (child)
        {
            case null:
                return [];
            case YamlScalarNode scalar:
                return string.IsNullOrWhiteSpace(scalar.Value) ? [] : [scalar.Value.Trim()];
            case YamlSequenceNode sequence:
                var items = new List<string>();
                foreach (var item in sequence)
                {
                    if (item is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
                    {
                        items.Add(text.Trim());
                    }
                    else if (item is not YamlScalarNode)
                    {
                        file.Report(item, $"Mỗi phần tử của '{key}' phải là một giá trị đơn.");
                    }
                }

                return items;
            default:
                file.Report(child, $"Trường '{key}' phải là một danh sách.");
                return [];
        }
    }

    /// <summary>A mapping of scalar keys to scalar texts (for example the reasons a fact is not published).</summary>
    public IReadOnlyDictionary<string, string> TextMap(string key)
    {
        var child = Child(key);
        switch (child)
        {
            case null or YamlScalarNode { Value: null or "" }:
                return new Dictionary<string, string>();
            case YamlMappingNode mapping:
                var texts = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (name, value) in mapping.Children)
                {
                    if (name is YamlScalarNode { Value: { } keyText } && value is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
                    {
                        texts[keyText] = text.Trim();
                    }
                    else
                    {
                        file.Report(value, $"Mỗi mục của '{key}' phải là 'tên: nội dung' và nội dung không được để trống.");
                    }
                }

                return texts;
            default:
                file.Report(child, $"Trường '{key}' phải là một nhóm 'tên: nội dung'.");
                return new Dictionary<string, string>();
        }
    }

    /// <summary>A list of mappings (for example the tasks of the appendix).</summary>
    public IReadOnlyList<YamlMappingNode> Mappings(string key, bool required = false)
    {
        var child = Child(key);
        switch (child)
        {
            case null:
                if (required)
                {
                    file.Report(Line, $"Thiếu trường bắt buộc '{key}'.");
                }

                return [];
            case YamlScalarNode { Value: null or "" }:
                return [];
            case YamlSequenceNode sequence:
                var items = new List<YamlMappingNode>();
                foreach (var item in sequence)
                {
                    if (item is YamlMappingNode mapping)
                    {
                        items.Add(mapping);
                    }
                    else
                    {
                        file.Report(item, $"Mỗi phần tử của '{key}' phải là một nhóm trường (key: value).");
                    }
                }

                return items;
            default:
                file.Report(child, $"Trường '{key}' phải là một danh sách.");
                return [];
        }
    }

    /// <summary>Reports every key that no reader asked for: a misspelt field must not pass silently.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var key in node.Children.Keys)
        {
            if (key is YamlScalarNode { Value: { } name } && !readKeys.Contains(name))
            {
                file.Report(key, $"Trường không được hỗ trợ: '{name}'.");
            }
        }
    }

    private YamlNode? Child(string key)
    {
        readKeys.Add(key);
        return node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
    }

    private YamlScalarNode? Scalar(string key, bool required)
    {
        var child = Child(key);
        switch (child)
        {
            case null:
                if (required)
                {
                    file.Report(Line, $"Thiếu trường bắt buộc '{key}'.");
                }

                return null;
            case YamlScalarNode scalar:
                return scalar;
            default:
                file.Report(child, $"Trường '{key}' phải là một giá trị đơn, không phải danh sách hay nhóm.");
                return null;
        }
    }
}
