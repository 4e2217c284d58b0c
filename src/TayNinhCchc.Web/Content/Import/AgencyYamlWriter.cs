using System.Globalization;
using System.Text;

namespace TayNinhCchc.Web.Content.Import;

/// <summary>
/// Writes register records in the layout of content/co-quan.yml and splices them into the file's text, so that the
/// editors' comments and every record the import does not touch stay exactly as they were.
/// </summary>
internal static class AgencyYamlWriter
{
    /// <summary>The lines of one record, starting with "  - code: …".</summary>
    public static IReadOnlyList<string> Render(Agency agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        var lines = new List<string>
        {
            $"  - code: {agency.Code}",
            $"    name: {Quote(agency.Name)}",
            $"    short_name: {Quote(agency.ShortName)}",
            $"    level: {agency.Level.Code()}",
            $"    kind: {agency.Kind.Code()}",
            $"    receives_dossiers: {(agency.ReceivesDossiers ? "true" : "false")}",
        };
        if (agency.ParentCode is { } parent)
        {
            lines.Add($"    parent: {parent}");
        }

        if (agency.ValidFrom is { } from)
        {
            lines.Add($"    valid_from: {Date(from)}");
        }

        if (agency.ValidTo is { } to)
        {
            lines.Add($"    valid_to: {Date(to)}");
        }

        if (agency.DatesNote is { } datesNote)
        {
            lines.Add($"    dates_note: {Quote(datesNote)}");
        }

        if (agency.Aliases.Count > 0)
        {
            lines.Add($"    aliases: [{string.Join(", ", agency.Aliases.Select(Quote))}]");
        }

        AddLinks(lines, "predecessors", agency.Predecessors);
        if (agency.SuccessorUnknown)
        {
            lines.Add($"    successors: {AgencyRegisterReader.SuccessorUnknown}");
        }
        else
        {
            AddLinks(lines, "successors", agency.Successors);
        }

        if (agency.FormedFrom is { } formedFrom)
        {
            lines.Add($"    formed_from: {Quote(formedFrom)}");
        }

        if (agency.FormerUnits.Count > 0)
        {
            lines.Add("    former_units:");
            foreach (var unit in agency.FormerUnits)
            {
                var parts = new List<string> { $"name: {Quote(unit.Name)}" };
                if (unit.District is { } district)
                {
                    parts.Add($"district: {Quote(district)}");
                }

                if (unit.Share != UnitShare.Whole)
                {
                    parts.Add($"share: {(unit.Share == UnitShare.Part ? "mot-phan" : "phan-con-lai")}");
                }

                lines.Add($"      - {{ {string.Join(", ", parts)} }}");
            }
        }

        lines.Add($"    source: {Quote(agency.Source)}");
        if (agency.Note is { } note)
        {
            lines.Add($"    note: {Quote(note)}");
        }

        return lines;
    }

    /// <summary>
    /// The file's text with <paramref name="replaced"/> records rewritten in place (keyed by their first line) and
    /// <paramref name="added"/> appended at the end of the agencies list under <paramref name="heading"/>.
    /// </summary>
    public static string Splice(string text, IReadOnlyDictionary<int, Agency> replaced, IReadOnlyList<Agency> added, string heading)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        // Bottom-up, so the line numbers of the records still to replace stay valid.
        foreach (var (line, agency) in replaced.OrderByDescending(pair => pair.Key))
        {
            var start = line - 1;
            var end = RecordEnd(lines, start);
            lines.RemoveRange(start, end - start);
            lines.InsertRange(start, Render(agency));
        }

        if (added.Count > 0)
        {
            var groups = lines.FindIndex(candidate => candidate.StartsWith("groups:", StringComparison.Ordinal));
            var insertAt = groups < 0 ? lines.Count : groups;
            while (insertAt > 0 && lines[insertAt - 1].Length == 0)
            {
                insertAt--;
            }

            var block = new List<string> { string.Empty, $"  # --- {heading}" };
            foreach (var agency in added)
            {
                block.AddRange(Render(agency));
            }

            if (insertAt < lines.Count)
            {
                block.Add(string.Empty);
            }

            lines.InsertRange(insertAt, block);
        }

        var result = new StringBuilder();
        result.AppendJoin('\n', lines);
        return result.ToString();
    }

    // A record runs until the next record, comment, blank line or top-level key.
    private static int RecordEnd(List<string> lines, int start)
    {
        var end = start + 1;
        while (end < lines.Count && lines[end].StartsWith("    ", StringComparison.Ordinal))
        {
            end++;
        }

        return end;
    }

    private static void AddLinks(List<string> lines, string key, IReadOnlyList<AgencyLink> links)
    {
        if (links.Count == 0)
        {
            return;
        }

        lines.Add($"    {key}:");
        foreach (var link in links)
        {
            var date = link.Date is { } value ? $", date: {Date(value)}" : string.Empty;
            lines.Add($"      - {{ code: {link.Code}{date}, source: {Quote(link.Source)} }}");
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
