using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TayNinhCchc.Web.Procedures.Import;

/// <summary>
/// An existing <c>content/thu-tuc/&lt;code&gt;.md</c> split into its front matter fields (in file order) and its body,
/// which is kept byte for byte.
/// </summary>
internal sealed class ProcedureFileText
{
    private ProcedureFileText(List<KeyValuePair<string, YamlNode>> fields, string body)
    {
        Fields = fields;
        Body = body;
    }

    public IReadOnlyList<KeyValuePair<string, YamlNode>> Fields { get; }

    /// <summary>Everything after the closing "---" line, exactly as in the file.</summary>
    public string Body { get; }

    public YamlNode? this[string key] => Fields.FirstOrDefault(pair => pair.Key == key).Value;

    public string? ScalarText(string key) => this[key] is YamlScalarNode { Value: { } value } ? value.Trim() : null;

    /// <summary>Builds the file text: "---", the front matter, "---", then the body.</summary>
    public static string Compose(IEnumerable<KeyValuePair<string, YamlNode>> fields, string body) =>
        "---\n" + FrontMatterWriter.Write(fields) + "---\n" + body;

    /// <summary>Parses <paramref name="text"/>; on failure returns null and a Vietnamese reason.</summary>
    public static ProcedureFileText? Parse(string text, out string? error)
    {
        var position = 0;
        var first = NextLine(text, ref position);
        if (first?.TrimEnd() != "---")
        {
            error = "tệp không bắt đầu bằng dòng '---' của front matter";
            return null;
        }

        var yamlStart = position;
        while (true)
        {
            var lineStart = position;
            var line = NextLine(text, ref position);
            if (line is null)
            {
                error = "front matter không có dòng '---' kết thúc";
                return null;
            }

            if (line.TrimEnd() is "---" or "...")
            {
                var yaml = text[yamlStart..lineStart];
                var fields = ParseFields(yaml, out error);
                return fields is null ? null : new ProcedureFileText(fields, text[position..]);
            }
        }
    }

    private static List<KeyValuePair<string, YamlNode>>? ParseFields(string yaml, out string? error)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            error = $"front matter không phải YAML hợp lệ ({ex.Message})";
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            error = "front matter không phải một nhóm trường 'khóa: giá trị'";
            return null;
        }

        var fields = new List<KeyValuePair<string, YamlNode>>();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                error = "front matter có khóa không phải chuỗi";
                return null;
            }

            fields.Add(new KeyValuePair<string, YamlNode>(name, value));
        }

        error = null;
        return fields;
    }

    /// <summary>The next line without its line break, advancing past "\n" or "\r\n"; null at the end.</summary>
    private static string? NextLine(string text, ref int position)
    {
        if (position >= text.Length)
        {
            return null;
        }

        var end = text.IndexOf('\n', position);
        string line;
        if (end < 0)
        {
            line = text[position..];
            position = text.Length;
        }
        else
        {
            line = text[position..end];
            position = end + 1;
        }

        return line.TrimEnd('\r');
    }
}
