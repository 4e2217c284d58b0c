using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace TayNinhCchc.Web.Procedures.Import;

/// <summary>
/// Writes a procedure's front matter as block YAML in a fixed, deterministic form, so that writing the same values
/// twice gives the same bytes. Strings are double-quoted with escapes (colons, quotes, "#", leading dashes are all
/// safe); multi-line strings are literal blocks when that keeps every character, else double-quoted with "\n".
/// Whole numbers are plain; empty values are written as "" or [] so editors see every field.
/// </summary>
internal static partial class FrontMatterWriter
{
    public static string Write(IEnumerable<KeyValuePair<string, YamlNode>> fields)
    {
        var builder = new StringBuilder();
        foreach (var (key, node) in fields)
        {
            WriteEntry(builder, key, node, indent: 0, firstLinePrefix: null);
        }

        return builder.ToString();
    }

    private static void WriteEntry(StringBuilder builder, string key, YamlNode node, int indent, string? firstLinePrefix)
    {
        builder.Append(firstLinePrefix ?? new string(' ', indent)).Append(Key(key)).Append(':');
        switch (node)
        {
            case YamlScalarNode scalar:
                builder.Append(' ');
                WriteScalar(builder, scalar.Value ?? string.Empty, indent);
                break;
            case YamlSequenceNode { Children.Count: 0 }:
                builder.Append(" []\n");
                break;
            case YamlSequenceNode sequence:
                builder.Append('\n');
                foreach (var item in sequence.Children)
                {
                    WriteItem(builder, item, indent + 2);
                }

                break;
            case YamlMappingNode { Children.Count: 0 }:
                builder.Append(" {}\n");
                break;
            case YamlMappingNode mapping:
                builder.Append('\n');
                foreach (var (childKey, childValue) in mapping.Children)
                {
                    WriteEntry(builder, KeyText(childKey), childValue, indent + 2, firstLinePrefix: null);
                }

                break;
            default:
                builder.Append(" \"\"\n");
                break;
        }
    }

    private static void WriteItem(StringBuilder builder, YamlNode node, int indent)
    {
        var dash = new string(' ', indent) + "- ";
        switch (node)
        {
            case YamlScalarNode scalar:
                builder.Append(dash);
                WriteScalar(builder, scalar.Value ?? string.Empty, indent + 2);
                break;
            case YamlMappingNode { Children.Count: > 0 } mapping:
                var first = true;
                foreach (var (childKey, childValue) in mapping.Children)
                {
                    WriteEntry(builder, KeyText(childKey), childValue, indent + 2, first ? dash : null);
                    first = false;
                }

                break;
            case YamlMappingNode:
                builder.Append(dash).Append("{}\n");
                break;
            case YamlSequenceNode { Children.Count: 0 }:
                builder.Append(dash).Append("[]\n");
                break;
            case YamlSequenceNode sequence:
                builder.Append(new string(' ', indent)).Append("-\n");
                foreach (var item in sequence.Children)
                {
                    WriteItem(builder, item, indent + 2);
                }

                break;
            default:
                builder.Append(dash).Append("\"\"\n");
                break;
        }
    }

    private static string KeyText(YamlNode key) => key is YamlScalarNode { Value: { } text } ? text : key.ToString();

    private static string Key(string key) =>
        key.Length > 0 && key.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_') && char.IsAsciiLetterLower(key[0])
            ? key
            : DoubleQuoted(key);

    /// <summary>Writes a scalar that starts after "key: " or "- "; block content is indented past <paramref name="indent"/>.</summary>
    private static void WriteScalar(StringBuilder builder, string value, int indent)
    {
        if (value.Length == 0)
        {
            builder.Append("\"\"\n");
        }
        else if (IsPlainSafe(value))
        {
            builder.Append(value).Append('\n');
        }
        else if (value.Contains('\n', StringComparison.Ordinal) && LiteralKeepsEverything(value))
        {
            builder.Append("|-\n");
            var padding = new string(' ', indent + 2);
            foreach (var line in value.Split('\n'))
            {
                if (line.Length > 0)
                {
                    builder.Append(padding).Append(line);
                }

                builder.Append('\n');
            }
        }
        else
        {
            builder.Append(DoubleQuoted(value)).Append('\n');
        }
    }

    /// <summary>
    /// Whole numbers, dates (yyyy-MM-dd) and lower-case codes such as "truc-tiep" read back the same without quotes
    /// (YAML words like "no" or "null" stay quoted).
    /// </summary>
    private static bool IsPlainSafe(string value) =>
        (value.Length <= 18 && value.All(char.IsAsciiDigit))
        || PlainDate().IsMatch(value)
        || (PlainCode().IsMatch(value) && !YamlWords.Contains(value));

    private static readonly HashSet<string> YamlWords = new(StringComparer.Ordinal)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null",
    };

    /// <summary>
    /// A literal block keeps the text exactly unless it has characters that must be escaped, a first line starting
    /// with whitespace (it would set the indentation), trailing whitespace (editors strip it) or leading/trailing
    /// line breaks (the "-" chomping drops them).
    /// </summary>
    private static bool LiteralKeepsEverything(string value)
    {
        if (value[0] is ' ' or '\t' or '\n' || value[^1] == '\n' || value.Any(c => c != '\n' && NeedsEscape(c)))
        {
            return false;
        }

        return value.Split('\n').All(line => line.Length == 0 || (line[^1] != ' ' && line[^1] != '\t'));
    }

    public static string DoubleQuoted(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case '"': builder.Append("\\\""); break;
                case '\n': builder.Append("\\n"); break;
                case '\t': builder.Append("\\t"); break;
                case '\r': builder.Append("\\r"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        builder.Append(c).Append(value[i + 1]);
                        i++;
                    }
                    else if (NeedsEscape(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static bool NeedsEscape(char c) =>
        c < ' ' || c is '\u007F' or '\u0085' or '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF'
        || (c >= '\u0080' && c <= '\u009F') || char.IsSurrogate(c);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex PlainDate();

    [GeneratedRegex(@"^[a-z]+(?:-[a-z]+)*$")]
    private static partial Regex PlainCode();
}
