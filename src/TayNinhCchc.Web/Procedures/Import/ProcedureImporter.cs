using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TayNinhCchc.Web.Content;
using YamlDotNet.RepresentationModel;

namespace TayNinhCchc.Web.Procedures.Import;

/// <summary>What the command line gives the importer.</summary>
/// <param name="PublishedBy">The decision that published the danh mục (front matter <c>published_by</c>).</param>
/// <param name="Source">Where the text was read (<c>source</c>).</param>
/// <param name="DefaultField">Lĩnh vực for rows above any "Lĩnh vực …" group row.</param>
/// <param name="DefaultLevels">Levels for rows above any level group row, and under an "áp dụng chung" one.</param>
internal sealed record ImportSettings(string PublishedBy, string Source, string? DefaultField, IReadOnlyList<string> DefaultLevels);

internal enum ImportOutcome
{
    Created,
    Updated,
    Unchanged,

    /// <summary>The file comes from a decision dated later than this one, so it is left as it is.</summary>
    KeptNewer,
}

/// <summary>
/// A procedure written (or left as it was) from one row; <c>DecisionChanged</c> says the file was attributed to
/// another decision before this import.
/// </summary>
internal sealed record ImportedRow(int Row, string Code, ImportOutcome Outcome, string RelativePath, bool DecisionChanged);

/// <summary>A row that wrote nothing, with the reason in Vietnamese.</summary>
internal sealed record RejectedRow(int Row, string? Code, string Reason);

internal sealed class ImportReport
{
    public List<ImportedRow> Imported { get; } = [];

    public List<RejectedRow> Rejected { get; } = [];

    public int Count(ImportOutcome outcome) => Imported.Count(row => row.Outcome == outcome);
}

/// <summary>
/// Turns the rows of a danh mục into <c>content/thu-tuc/&lt;code&gt;.md</c> files. Group rows set the current level
/// and lĩnh vực; each procedure row creates its file or updates the front matter of the existing one, keeping the body
/// and the fields the danh mục has no column for. Every file is checked with <see cref="ProcedureReader"/> before it is
/// written; a file that would not load is not written and its row is rejected.
/// </summary>
internal sealed partial class ProcedureImporter
{
    /// <summary>Front matter keys in the order the loader reads them; the import writes them in this order.</summary>
    public static readonly IReadOnlyList<string> KeyOrder =
    [
        "code", "name", "field", "agencies", "agency_text", "levels", "levels_now", "levels_now_source", "audiences", "channels",
        "time_limit", "time_limit_days", "fee", "fee_amounts", "result", "requirements", "legal_basis", "online_level",
        "online_level_legacy", "online_url", "place", "documents", "not_published", "notes", "published_by", "source", "last_verified",
    ];

    /// <summary>Keys whose value comes from a column of the danh mục (or from the command line).</summary>
    private static readonly HashSet<string> ColumnKeys = new(StringComparer.Ordinal)
    {
        "code", "name", "field", "levels", "agency_text", "channels", "time_limit", "time_limit_days", "fee", "fee_amounts",
        "legal_basis", "online_level", "online_level_legacy", "place", "notes", "published_by", "source",
    };

    /// <summary>Keys the danh mục has no column for: kept from the existing file, empty in a new one.</summary>
    private static readonly Dictionary<string, Func<YamlNode>> KeptKeys = new(StringComparer.Ordinal)
    {
        ["agencies"] = () => new YamlSequenceNode(),
        ["audiences"] = () => new YamlSequenceNode(),
        ["result"] = () => new YamlScalarNode(string.Empty),
        ["requirements"] = () => new YamlScalarNode(string.Empty),
        ["online_url"] = () => new YamlScalarNode(string.Empty),
        ["documents"] = () => new YamlSequenceNode(),
        ["levels_now"] = () => new YamlSequenceNode(),
        ["levels_now_source"] = () => new YamlScalarNode(string.Empty),
    };

    private readonly string contentRoot;
    private readonly string procedureFolder;
    private readonly TimeProvider time;
    private readonly MarkdownRenderer markdown = new();
    private readonly IReadOnlySet<string> knownAgencyCodes;
    private readonly Dictionary<string, string> fileByCode;

    public ProcedureImporter(string contentRoot, TimeProvider time)
    {
        this.contentRoot = contentRoot;
        this.time = time;
        procedureFolder = Path.Combine(contentRoot, ContentLoader.ProcedureFolder);
        var snapshot = new ContentLoader(markdown).Load(contentRoot, ContentSnapshot.Empty, time.GetUtcNow().UtcDateTime);
        knownAgencyCodes = snapshot.Agencies.Select(agency => agency.Code)
            .Concat(snapshot.Groups.Select(group => group.Code))
            .ToHashSet(StringComparer.Ordinal);
        fileByCode = ExistingFilesByCode(procedureFolder);
    }

    /// <summary>"Today" in Vietnam (UTC+7), for <c>last_verified</c>.</summary>
    private string Today => time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public ImportReport Import(DanhMucTable table, ImportSettings settings, Action? rowDone = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(settings);
        var report = new ImportReport();
        IReadOnlyList<string>? currentLevels = null;
        string? currentField = null;
        var shared = false;
        var rowsOfCode = new Dictionary<string, List<LevelRow>>(StringComparer.Ordinal);
        var order = new List<string>();

        // First every row is read with the level and lĩnh vực of its group; a code listed at two levels is written
        // once, from all its rows, so that re-importing the same file gives the same bytes.
        foreach (var row in table.Rows)
        {
            try
            {
                if (IsGroupRow(table, row, out var headingText))
                {
                    var heading = ImportText.ParseHeading(headingText);
                    if (!heading.LooksLikeHeading)
                    {
                        report.Rejected.Add(new RejectedRow(row.Number, null,
                            $"Dòng không có mã TTHC và không phải dòng nhóm (không nêu cấp hay lĩnh vực): '{Shorten(headingText)}'."));
                        continue;
                    }

                    if (heading.Levels.Count > 0)
                    {
                        currentLevels = heading.Levels;
                        shared = false;
                    }
                    else if (heading.Shared)
                    {
                        currentLevels = null; // "áp dụng chung" without naming levels: --level and the places each row names
                        shared = true;
                    }

                    if (heading.Field is not null)
                    {
                        currentField = heading.Field;
                    }

                    continue;
                }

                var levels = currentLevels ?? settings.DefaultLevels;
                if (currentLevels is null && shared)
                {
                    var named = ImportText.LevelsNamedIn(table.Cell(row, DanhMucColumn.Place), table.Cell(row, DanhMucColumn.Agency));
                    levels = levels.Union(named).OrderBy(ImportText.LevelRank).ToList();
                }

                if (CheckRow(table, row, levels, currentField ?? settings.DefaultField, report) is { } code)
                {
                    if (!rowsOfCode.TryGetValue(code, out var rows))
                    {
                        rowsOfCode[code] = rows = [];
                        order.Add(code);
                    }

                    var accumulated = rows.SelectMany(earlier => earlier.Levels).ToHashSet(StringComparer.Ordinal);
                    if (rows.Count > 0 && levels.All(accumulated.Contains))
                    {
                        report.Rejected.Add(new RejectedRow(row.Number, code,
                            $"Mã TTHC {code} trùng với {table.RowLabel.ToLowerInvariant()} {rows[0].Row.Number} của cùng tệp ở cùng cấp; mỗi mã chỉ được nhập từ một dòng mỗi cấp (dòng đầu tiên)."));
                        continue;
                    }

                    rows.Add(new LevelRow(row, levels, currentField ?? settings.DefaultField!));
                }
            }
            finally
            {
                rowDone?.Invoke();
            }
        }

        foreach (var code in order)
        {
            var rows = rowsOfCode[code];
            try
            {
                WriteProcedure(table, rows, settings, code, report);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                report.Rejected.Add(new RejectedRow(rows[0].Row.Number, code, $"Không ghi được tệp của thủ tục: {ex.Message}"));
            }
        }

        return report;
    }

    /// <summary>One row of a code with the levels and lĩnh vực of the group it sits in.</summary>
    private sealed record LevelRow(DanhMucRow Row, IReadOnlyList<string> Levels, string Field);

    /// <summary>
    /// A group row has no code and nothing in the data columns; its heading is in the STT, Mã or Tên cell (or in the
    /// STT cell as numbering plus the Tên cell as text). A row whose STT is a plain number is always a procedure row.
    /// </summary>
    private static bool IsGroupRow(DanhMucTable table, DanhMucRow row, out string heading)
    {
        heading = string.Empty;
        var indexes = new[] { DanhMucColumn.Number, DanhMucColumn.Code, DanhMucColumn.Name }
            .Select(column => table.Columns.TryGetValue(column, out var i) ? i : -1)
            .ToHashSet();
        for (var i = 0; i < row.Cells.Count; i++)
        {
            if (!indexes.Contains(i) && row.Cells[i].Length > 0)
            {
                return false;
            }
        }

        var number = table.Cell(row, DanhMucColumn.Number);
        var code = table.Cell(row, DanhMucColumn.Code);
        var name = table.Cell(row, DanhMucColumn.Name);
        if (PlainNumber().IsMatch(number) || (code.Length > 0 && name.Length > 0) || LooksLikeCode(code))
        {
            return false;
        }

        heading = string.Join(' ', new[] { number, code, name }.Where(text => text.Length > 0));
        return heading.Length > 0;
    }

    /// <summary>"1.001193", "1.014383.H13", "1.001740; 1.001645" are codes (even malformed); "1. Lĩnh vực …" is a heading.</summary>
    private static bool LooksLikeCode(string cell) =>
        cell.Length > 0 && char.IsAsciiDigit(cell[0]) && (!cell.Any(char.IsWhiteSpace) || CodeList().IsMatch(cell));

    /// <summary>The row's code when the row can be imported; otherwise its reasons go to the report and null is returned.</summary>
    private static string? CheckRow(DanhMucTable table, DanhMucRow row, IReadOnlyList<string> levels, string? field, ImportReport report)
    {
        var code = table.Cell(row, DanhMucColumn.Code);
        var name = table.Cell(row, DanhMucColumn.Name);
        var reasons = new List<string>();

        if (CodeProblem(code) is { } codeProblem)
        {
            reasons.Add(codeProblem);
        }

        if (name.Length == 0)
        {
            reasons.Add("Thiếu tên thủ tục hành chính.");
        }

        if (levels.Count == 0)
        {
            reasons.Add("Không xác định được cấp thực hiện: chưa có dòng nhóm nêu cấp (tỉnh, huyện, xã) ở phía trên và lệnh không có --level.");
        }

        if (string.IsNullOrWhiteSpace(field))
        {
            reasons.Add("Không xác định được lĩnh vực: chưa có dòng nhóm 'Lĩnh vực …' ở phía trên và lệnh không có --field.");
        }

        if (reasons.Count > 0)
        {
            report.Rejected.Add(new RejectedRow(row.Number, code.Length > 0 ? code : null, string.Join(" ", reasons)));
            return null;
        }

        return code;
    }

    private void WriteProcedure(DanhMucTable table, IReadOnlyList<LevelRow> rows, ImportSettings settings, string code, ImportReport report)
    {
        var first = rows[0].Row;
        var relativePath = fileByCode.TryGetValue(code, out var existingPath)
            ? existingPath
            : $"{ContentLoader.ProcedureFolder}/{code}.md";
        var fullPath = Path.Combine(contentRoot, relativePath);

        ProcedureFileText? existing = null;
        string? existingText = null;
        if (File.Exists(fullPath))
        {
            existingText = File.ReadAllText(fullPath);
            existing = ProcedureFileText.Parse(existingText, out var parseError);
            if (existing is null)
            {
                report.Rejected.Add(new RejectedRow(first.Number, code,
                    $"Tệp {relativePath} đã có nhưng không đọc được ({parseError}); sửa tệp bằng tay rồi nhập lại."));
                return;
            }
        }

        var existingDecision = existing?.ScalarText("published_by");
        if (existingDecision is not null && existingDecision != settings.PublishedBy
            && DecisionDate(existingDecision) is { } existingDate && DecisionDate(settings.PublishedBy) is { } importDate
            && existingDate > importDate)
        {
            // Importing an older decision after a newer one must not take the newer text back.
            report.Imported.Add(new ImportedRow(first.Number, code, ImportOutcome.KeptNewer, relativePath, DecisionChanged: false));
            return;
        }

        var values = ColumnValues(table, rows, settings, code);
        var sameDecision = existingDecision == settings.PublishedBy;
        var body = existing?.Body ?? string.Empty;

        var fields = Merge(values, existing, sameDecision, existing?.ScalarText("last_verified") ?? Today);
        var text = ProcedureFileText.Compose(fields, body);
        ImportOutcome outcome;
        if (existing is null)
        {
            outcome = ImportOutcome.Created;
        }
        else if (text == existingText || text == ProcedureFileText.Compose(existing.Fields.OrderBy(pair => KeyRank(pair.Key)), body))
        {
            // Nothing the danh mục says has changed (a hand-formatted file is left exactly as it is).
            report.Imported.Add(new ImportedRow(first.Number, code, ImportOutcome.Unchanged, relativePath, DecisionChanged: false));
            return;
        }
        else
        {
            outcome = ImportOutcome.Updated;
            fields = Merge(values, existing, sameDecision, Today);
            text = ProcedureFileText.Compose(fields, body);
        }

        var problem = CheckLoads(relativePath, text, values);
        if (problem is not null)
        {
            report.Rejected.Add(new RejectedRow(first.Number, code, $"Không ghi {relativePath}: tệp sẽ không qua kiểm tra nội dung ({problem})."));
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        File.WriteAllText(fullPath, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        fileByCode[code] = relativePath;
        report.Imported.Add(new ImportedRow(first.Number, code, outcome, relativePath,
            DecisionChanged: existing is not null && !sameDecision));
    }

    /// <summary>The date of a decision as its citation gives it: "… ngày 18/11/2025 …" or "… ngày 18 tháng 11 năm 2025 …".</summary>
    public static DateOnly? DecisionDate(string publishedBy)
    {
        var match = DecisionDatePattern().Match(publishedBy);
        if (!match.Success)
        {
            return null;
        }

        var day = int.Parse(match.Groups["d1"].Success ? match.Groups["d1"].Value : match.Groups["d2"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m1"].Success ? match.Groups["m1"].Value : match.Groups["m2"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["y1"].Success ? match.Groups["y1"].Value : match.Groups["y2"].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    /// <summary>Why a code cell is not a national TTHC code (d.dddddd), or null when it is one.</summary>
    private static string? CodeProblem(string code)
    {
        if (code.Length == 0)
        {
            return "Thiếu mã TTHC.";
        }

        if (NationalCode().IsMatch(code))
        {
            return null;
        }

        if (code.IndexOfAny([';', ',', '/']) >= 0 || code.Contains(" và ", StringComparison.OrdinalIgnoreCase))
        {
            return $"Ô mã có nhiều mã TTHC ('{code}'); mỗi dòng chỉ được một mã, tách thành từng dòng rồi nhập lại.";
        }

        if (SuffixedCode().IsMatch(code))
        {
            return $"Mã TTHC '{code}' có hậu tố địa phương ('{code[8..]}'); cổng chỉ nhận mã quốc gia dạng d.dddddd (ví dụ 1.001193).";
        }

        if (UndottedCode().IsMatch(code))
        {
            return $"Mã TTHC '{code}' thiếu dấu chấm (cần dạng d.dddddd, ví dụ 1.001193); không tự sửa, hãy sửa trong tệp nguồn.";
        }

        return $"Mã TTHC '{Shorten(code)}' không đúng dạng d.dddddd (ví dụ 1.001193).";
    }

    /// <summary>
    /// The values the danh mục rows of one code give, as YAML nodes, by front matter key. A code listed at two levels
    /// keeps both levels; where its rows say different things, each level's text is kept, named by its level.
    /// </summary>
    private static Dictionary<string, YamlNode> ColumnValues(DanhMucTable table, IReadOnlyList<LevelRow> rows, ImportSettings settings, string code)
    {
        string Combined(DanhMucColumn column)
        {
            var texts = rows.Select(row => (row.Levels, Text: table.Cell(row.Row, column))).Where(pair => pair.Text.Length > 0).ToList();
            return texts.Select(pair => pair.Text).Distinct(StringComparer.Ordinal).Count() <= 1
                ? texts.FirstOrDefault().Text ?? string.Empty
                : string.Join("\n", texts.Select(pair => $"{string.Join(", ", pair.Levels.Select(LevelLabel))}:\n{pair.Text}"));
        }

        var first = rows[0];
        var timeCell = Combined(DanhMucColumn.TimeLimit);
        var bare = ProcedureReader.BareNumberIn(timeCell.Trim()) is not null;
        var timeLimit = bare ? string.Empty : timeCell;
        var place = Combined(DanhMucColumn.Place);
        var online = Combined(DanhMucColumn.Online);
        var fee = Combined(DanhMucColumn.Fee);
        var days = ImportText.WorkingDays(timeLimit);
        var onlineFirst = rows.Select(row => table.Cell(row.Row, DanhMucColumn.Online)).FirstOrDefault(cell => cell.Length > 0) ?? string.Empty;
        var legacy = ImportText.LegacyOnlineLevel(onlineFirst);
        var levels = rows.SelectMany(row => row.Levels).Distinct(StringComparer.Ordinal).OrderBy(ImportText.LevelRank).ToList();
        var legal = rows.SelectMany(row => ImportText.LegalBasisItems(table.Cell(row.Row, DanhMucColumn.LegalBasis))).Distinct(StringComparer.Ordinal);

        var notPublished = new YamlMappingNode();
        if (bare)
        {
            // "1 what?": the danh mục gives a number without its unit; it is kept, said plainly, and never shown as a time.
            notPublished.Add("time_limit", $"Danh mục ghi thời hạn là “{timeCell}” nhưng không ghi đơn vị (ngày, ngày làm việc hay giờ), nên cổng không tự suy ra. Hãy hỏi Bộ phận Một cửa thời hạn trả kết quả khi nộp hồ sơ.");
        }

        return new Dictionary<string, YamlNode>(StringComparer.Ordinal)
        {
            ["code"] = new YamlScalarNode(code),
            ["name"] = new YamlScalarNode(table.Cell(first.Row, DanhMucColumn.Name)),
            ["field"] = new YamlScalarNode(first.Field.Trim()),
            ["agency_text"] = new YamlScalarNode(Combined(DanhMucColumn.Agency)),
            ["levels"] = Sequence(levels),
            ["channels"] = Sequence(ImportText.Channels(online, place, timeCell, fee)),
            ["time_limit"] = new YamlScalarNode(timeLimit),
            ["time_limit_days"] = new YamlScalarNode(days?.ToString(CultureInfo.InvariantCulture) ?? string.Empty),
            ["fee"] = new YamlScalarNode(fee),
            ["fee_amounts"] = Sequence(ImportText.FeeAmounts(fee).Select(amount => amount.ToString(CultureInfo.InvariantCulture))),
            ["legal_basis"] = Sequence(legal),
            ["online_level"] = new YamlScalarNode(ImportText.OnlineLevel(onlineFirst) ?? string.Empty),
            ["online_level_legacy"] = new YamlScalarNode(legacy?.ToString(CultureInfo.InvariantCulture) ?? string.Empty),
            ["place"] = new YamlScalarNode(place),
            ["not_published"] = notPublished,
            ["notes"] = new YamlScalarNode(Combined(DanhMucColumn.Note)),
            ["published_by"] = new YamlScalarNode(settings.PublishedBy.Trim()),
            ["source"] = new YamlScalarNode(settings.Source.Trim()),
        };
    }

    private static string LevelLabel(string level) => level switch
    {
        "tinh" => "Cấp tỉnh",
        "huyen" => "Cấp huyện",
        _ => "Cấp xã",
    };

    /// <summary>
    /// The front matter to write. A value the row gives replaces the file's. An empty cell keeps a value already in
    /// the file only when the file comes from the same decision (it was filled by hand from the same text); when the
    /// decision changes, the old decision's values go with it. Keys without a column are kept as they are.
    /// </summary>
    private static List<KeyValuePair<string, YamlNode>> Merge(
        Dictionary<string, YamlNode> values, ProcedureFileText? existing, bool sameDecision, string lastVerified)
    {
        var fields = new List<KeyValuePair<string, YamlNode>>();
        foreach (var key in KeyOrder)
        {
            var old = existing?[key];
            YamlNode node;
            if (key == "last_verified")
            {
                node = new YamlScalarNode(lastVerified);
            }
            else if (key == "not_published")
            {
                node = NotPublished((YamlMappingNode)values[key], old as YamlMappingNode, !IsEmpty(values["time_limit"]));
            }
            else if (ColumnKeys.Contains(key))
            {
                node = values[key];
                if (IsEmpty(node) && sameDecision && old is not null && !IsEmpty(old))
                {
                    node = old;
                }
            }
            else
            {
                node = old ?? KeptKeys[key]();
            }

            fields.Add(new KeyValuePair<string, YamlNode>(key, node));
        }

        // Keys this importer does not know (added to the format later) are kept, after the known ones.
        if (existing is not null)
        {
            fields.AddRange(existing.Fields.Where(pair => KeyRank(pair.Key) == int.MaxValue));
        }

        return fields;
    }

    /// <summary>
    /// The reasons kept in the file (written by hand or by another source) with the time limit's reason as this danh
    /// mục gives it: added when the cell is a bare number, removed when the cell states a time limit, kept when the
    /// cell is empty.
    /// </summary>
    private static YamlMappingNode NotPublished(YamlMappingNode fromRow, YamlMappingNode? old, bool rowStatesTimeLimit)
    {
        var merged = new YamlMappingNode();
        var replaceTime = rowStatesTimeLimit || fromRow.Children.ContainsKey(new YamlScalarNode("time_limit"));
        foreach (var (key, value) in old?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            if (replaceTime && key is YamlScalarNode { Value: "time_limit" })
            {
                continue;
            }

            merged.Add(key, value);
        }

        foreach (var (key, value) in fromRow.Children)
        {
            merged.Add(key, value);
        }

        return merged;
    }

    private static int KeyRank(string key)
    {
        for (var i = 0; i < KeyOrder.Count; i++)
        {
            if (KeyOrder[i] == key)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    /// <summary>Loads the text as the site would; returns the first problem, or a mismatch with the intended values.</summary>
    private string? CheckLoads(string relativePath, string text, Dictionary<string, YamlNode> values)
    {
        var file = new ContentFile(relativePath, text);
        var procedure = ProcedureReader.Read(file, knownAgencyCodes, markdown);
        if (file.Problems.Count > 0)
        {
            var first = file.Problems[0];
            return $"dòng {first.Line}: {first.Message}";
        }

        if (procedure is null)
        {
            return "không đọc lại được tệp";
        }

        static string Text(YamlNode node) => node is YamlScalarNode { Value: { } value } ? value : string.Empty;
        var expected = new (string Key, string Read)[]
        {
            ("code", procedure.Code), ("name", procedure.Name), ("time_limit", procedure.TimeLimit), ("fee", procedure.Fee),
            ("place", procedure.Place), ("agency_text", procedure.AgencyText), ("published_by", procedure.PublishedBy),
        };
        foreach (var (key, read) in expected)
        {
            if (Text(values[key]) != read)
            {
                return $"giá trị '{key}' đọc lại khác giá trị đã ghi";
            }
        }

        var legal = ((YamlSequenceNode)values["legal_basis"]).Children.Select(Text);
        return procedure.LegalBasis.SequenceEqual(legal) ? null : "giá trị 'legal_basis' đọc lại khác giá trị đã ghi";
    }

    private static YamlSequenceNode Sequence(IEnumerable<string> items) =>
        new(items.Select(item => (YamlNode)new YamlScalarNode(item)));

    private static bool IsEmpty(YamlNode node) => node switch
    {
        YamlScalarNode scalar => string.IsNullOrWhiteSpace(scalar.Value),
        YamlSequenceNode sequence => sequence.Children.Count == 0,
        YamlMappingNode mapping => mapping.Children.Count == 0,
        _ => true,
    };

    /// <summary>The procedure files already there, by code, so a code in a file with another name is updated, not duplicated.</summary>
    private static Dictionary<string, string> ExistingFilesByCode(string folder)
    {
        var byCode = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return byCode;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*.md", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
        {
            var parsed = ProcedureFileText.Parse(File.ReadAllText(path), out _);
            var code = parsed?.ScalarText("code") ?? Path.GetFileNameWithoutExtension(path);
            byCode.TryAdd(code, $"{ContentLoader.ProcedureFolder}/{Path.GetFileName(path)}");
        }

        return byCode;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";

    [GeneratedRegex(@"^\d\.\d{6}$")]
    private static partial Regex NationalCode();

    [GeneratedRegex(@"ngày\s*(?:(?<d1>\d{1,2})\s*/\s*(?<m1>\d{1,2})\s*/\s*(?<y1>\d{4})|(?<d2>\d{1,2})\s+tháng\s+(?<m2>\d{1,2})\s+năm\s+(?<y2>\d{4}))", RegexOptions.IgnoreCase)]
    private static partial Regex DecisionDatePattern();

    [GeneratedRegex(@"^\d\.\d{6}\.\S+$")]
    private static partial Regex SuffixedCode();

    [GeneratedRegex(@"^\d{7}$")]
    private static partial Regex UndottedCode();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex PlainNumber();

    [GeneratedRegex(@"^[\d.;,/\s]+$")]
    private static partial Regex CodeList();
}
