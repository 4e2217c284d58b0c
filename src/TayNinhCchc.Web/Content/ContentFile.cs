using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TayNinhCchc.Web.Content;

/// <summary>
/// One content file being read: its path relative to the content root, its text, and the problems found in it.
/// YAML line numbers are shifted by <see cref="LineOffset"/> so front matter errors point at the file's own lines.
/// </summary>
internal sealed class ContentFile(string relativePath, string text)
{
    public string RelativePath { get; } = relativePath.Replace('\\', '/');

    public string Text { get; } = text;

    public int LineOffset { get; private set; }

    public List<ContentProblem> Problems { get; } = [];

    public string Body { get; private set; } = string.Empty;

    public void Report(int line, string message) => Problems.Add(new ContentProblem(RelativePath, line, message));

    public void Report(YamlNode node, string message) => Report(LineOf(node), message);

    public int LineOf(YamlNode node) => (int)node.Start.Line + LineOffset;

    /// <summary>Parses the whole file as one YAML mapping.</summary>
    public YamlMappingNode? ReadYamlMapping() => ParseYaml(Text, offset: 0);

    /// <summary>Splits "---\nYAML\n---\nbody" and parses the YAML part.</summary>
    public YamlMappingNode? ReadFrontMatter()
    {
        using var reader = new StringReader(Text);
        var first = reader.ReadLine();
        if (first?.TrimEnd() != "---")
        {
            Report(1, "Thiếu phần front matter: tệp phải bắt đầu bằng một dòng '---'.");
            return null;
        }

        var yaml = new System.Text.StringBuilder();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.TrimEnd() is "---" or "...")
            {
                Body = reader.ReadToEnd();
                return ParseYaml(yaml.ToString(), offset: 1);
            }

            yaml.AppendLine(line);
        }

        Report(lineNumber, "Front matter không được đóng: thiếu dòng '---' kết thúc.");
        return null;
    }

    private YamlMappingNode? ParseYaml(string yaml, int offset)
    {
        LineOffset = offset;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            var detail = ex.InnerException?.Message ?? ex.Message;
            Report((int)ex.Start.Line + offset, $"Lỗi cú pháp YAML: {detail}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed input (e.g. an unclosed flow sequence) without
            // a position, so find the first line at which the text stops parsing.
            Report(FirstFailingLine(yaml) + offset, "Lỗi cú pháp YAML: cấu trúc không hợp lệ (ví dụ dấu ngoặc [ hoặc { chưa đóng).");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            Report(1 + offset, "Nội dung YAML phải là một nhóm trường dạng 'khóa: giá trị'.");
            return null;
        }

        return mapping;
    }

    private static int FirstFailingLine(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var count = 1; count <= lines.Length; count++)
        {
            try
            {
                new YamlStream().Load(new StringReader(string.Join('\n', lines.Take(count))));
            }
            catch (Exception ex) when (ex is YamlException or InvalidOperationException)
            {
                return count;
            }
        }

        return lines.Length;
    }
}
