using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TayNinhCchc.Web.Infrastructure;
using TayNinhCchc.Web.Procedures.Import;

namespace TayNinhCchc.Web.Content.Import;

/// <summary>The columns of an agency list; only code, name, kind and source are required.</summary>
internal enum AgencyColumn
{
    Code,
    Name,
    ShortName,
    Kind,
    ReceivesDossiers,
    ValidFrom,
    ValidTo,
    Predecessors,
    Source,
}

internal enum AgencyImportOutcome
{
    Created,
    Updated,
    Unchanged,
}

internal sealed record AgencyImportedRow(int Row, string Code, AgencyImportOutcome Outcome);

internal sealed record AgencyRejectedRow(int Row, string? Code, string Reason);

internal sealed class AgencyImportReport
{
    public string RowLabel { get; init; } = "Dòng";

    public int HeaderRow { get; init; }

    public int RowCount { get; init; }

    public List<AgencyImportedRow> Imported { get; } = [];

    public List<AgencyRejectedRow> Rejected { get; } = [];

    /// <summary>Set when the register written would break its own rules: then nothing at all is written.</summary>
    public List<string> Aborted { get; } = [];

    public bool Written { get; set; }

    public int Count(AgencyImportOutcome outcome) => Imported.Count(row => row.Outcome == outcome);
}

/// <summary>
/// Imports a province's list of agencies (CSV or XLSX) into content/co-quan.yml. A record is identified by its code and
/// valid_from: the same pair updates the record, a new pair adds one. Rows are checked one by one (bad dates, unknown
/// kinds or predecessors, validity overlapping another record of the same code) and a rejected row changes nothing;
/// the register is written once, atomically, and only when the whole of it passes the register's rules. Importing the
/// same file again changes nothing.
/// </summary>
internal sealed partial class AgencyImporter(string contentRoot, TimeProvider time)
{
    public string RegisterPath => Path.Combine(contentRoot, ContentLoader.AgencyFile);

    public AgencyImportReport Import(string file, out string? readError, Action? rowDone = null)
    {
        readError = null;
        var rows = DanhMucTable.ReadRows(file);
        var format = Path.GetExtension(file).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? "Dòng" : "Hàng";
        var header = rows.Take(DanhMucTable.HeaderSearchRows).Select(row => (row, columns: MatchHeader(row.Cells)))
            .FirstOrDefault(candidate => candidate.columns.ContainsKey(AgencyColumn.Code) && candidate.columns.ContainsKey(AgencyColumn.Name));
        if (header.row is null)
        {
            readError = $"Tệp '{Path.GetFileName(file)}' không phải danh sách cơ quan: không tìm thấy dòng tiêu đề có cột 'Mã' (code) và cột 'Tên' (name) trong {DanhMucTable.HeaderSearchRows} dòng đầu.";
            return new AgencyImportReport();
        }

        var registerText = File.Exists(RegisterPath) ? File.ReadAllText(RegisterPath) : "agencies:\n";
        var registerFile = new ContentFile(ContentLoader.AgencyFile, registerText);
        var directory = AgencyRegisterReader.Read(registerFile);
        if (directory is null || registerFile.Problems.Count > 0)
        {
            readError = $"Sổ đăng ký hiện có ({RegisterPath}) có lỗi; sửa trước khi nhập: {string.Join("; ", registerFile.Problems.Take(3))}";
            return new AgencyImportReport();
        }

        var body = rows.Where(row => row.Number > header.row.Number && row.Cells.Any(cell => cell.Length > 0)).ToList();
        var report = new AgencyImportReport { RowLabel = format, HeaderRow = header.row.Number, RowCount = body.Count };
        var columns = header.columns;
        string Cell(DanhMucRow row, AgencyColumn column) =>
            columns.TryGetValue(column, out var index) && index < row.Cells.Count ? Normalise(row.Cells[index]) : string.Empty;

        // Codes the file itself brings: a row may name as predecessor an agency added by a later row.
        var fileCodes = body.Select(row => Cell(row, AgencyColumn.Code)).Where(code => CodePattern().IsMatch(code)).ToHashSet(StringComparer.Ordinal);
        var records = directory.Records.ToList();
        var replaced = new Dictionary<int, Agency>();
        var added = new List<Agency>();
        var seen = new Dictionary<(string, DateOnly?), int>();
        foreach (var row in body)
        {
            var code = Cell(row, AgencyColumn.Code);
            var problem = Parse(row, Cell, records, fileCodes, out var candidate);
            if (problem is null && seen.TryGetValue((candidate!.Code, candidate.ValidFrom), out var firstRow))
            {
                problem = $"trùng mã và ngày bắt đầu với {format.ToLowerInvariant()} {firstRow} của tệp.";
            }

            if (problem is not null)
            {
                report.Rejected.Add(new AgencyRejectedRow(row.Number, code.Length == 0 ? null : code, problem));
                rowDone?.Invoke();
                continue;
            }

            var agency = candidate!;
            seen[(agency.Code, agency.ValidFrom)] = row.Number;
            var existing = records.FirstOrDefault(record => record.Code == agency.Code && record.ValidFrom == agency.ValidFrom);
            var merged = existing is null ? agency : Merge(existing, agency, Has(columns, AgencyColumn.ShortName), Has(columns, AgencyColumn.ReceivesDossiers));
            var others = records.Where(record => !ReferenceEquals(record, existing) && record.Code == agency.Code).ToList();
            var overlap = others.FirstOrDefault(other => other.Overlaps(merged.ValidFrom ?? DateOnly.MinValue, merged.ValidTo ?? DateOnly.MaxValue));
            if (overlap is not null)
            {
                var where = added.Contains(overlap) ? $"một {format.ToLowerInvariant()} trước của tệp" : $"dòng {overlap.Line} của {ContentLoader.AgencyFile}";
                report.Rejected.Add(new AgencyRejectedRow(row.Number, agency.Code,
                    $"hiệu lực {Range(merged)} trùng với bản ghi cùng mã ({Range(overlap)}, {where}); mỗi ngày chỉ một bản ghi của một mã."));
                rowDone?.Invoke();
                continue;
            }

            if (existing is null)
            {
                records.Add(merged);
                added.Add(merged);
                report.Imported.Add(new AgencyImportedRow(row.Number, agency.Code, AgencyImportOutcome.Created));
            }
            else if (Same(existing, merged))
            {
                report.Imported.Add(new AgencyImportedRow(row.Number, agency.Code, AgencyImportOutcome.Unchanged));
            }
            else
            {
                records[records.IndexOf(existing)] = merged;
                if (added.Contains(existing))
                {
                    added[added.IndexOf(existing)] = merged;
                }
                else
                {
                    replaced[existing.Line] = merged;
                }

                report.Imported.Add(new AgencyImportedRow(row.Number, agency.Code, AgencyImportOutcome.Updated));
            }

            rowDone?.Invoke();
        }

        if (replaced.Count == 0 && added.Count == 0)
        {
            return report;
        }

        var heading = $"Nhập từ {Path.GetFileName(file)} ngày {VietnameseText.Date(VietnamDate())}";
        var text = AgencyYamlWriter.Splice(registerText, replaced, added, heading);
        var check = new ContentFile(ContentLoader.AgencyFile, text);
        AgencyRegisterReader.Read(check);
        if (check.Problems.Count > 0)
        {
            report.Aborted.AddRange(check.Problems.Select(problem => problem.ToString()));
            return report;
        }

        // Written beside the register and moved over it: a reader sees the old file or the new one, never half of one.
        var temporary = RegisterPath + ".tmp";
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        File.Move(temporary, RegisterPath, overwrite: true);
        report.Written = true;
        return report;
    }

    private DateOnly VietnamDate() => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);

    private static string? Parse(DanhMucRow row, Func<DanhMucRow, AgencyColumn, string> cell, List<Agency> records, HashSet<string> fileCodes, out Agency? agency)
    {
        agency = null;
        var code = cell(row, AgencyColumn.Code);
        if (code.Length == 0)
        {
            return "thiếu mã cơ quan (cột code).";
        }

        if (!CodePattern().IsMatch(code))
        {
            return $"mã '{code}' không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang.";
        }

        var name = cell(row, AgencyColumn.Name);
        if (name.Length == 0)
        {
            return "thiếu tên cơ quan (cột name).";
        }

        var kindText = cell(row, AgencyColumn.Kind);
        if (!AgencyLevels.KindsByCode.TryGetValue(kindText, out var kind))
        {
            return kindText.Length == 0
                ? $"thiếu loại cơ quan (cột kind): một trong {string.Join(", ", AgencyLevels.KindsByCode.Keys)}."
                : $"loại '{kindText}' không hợp lệ (cột kind); chọn một trong {string.Join(", ", AgencyLevels.KindsByCode.Keys)}.";
        }

        var source = cell(row, AgencyColumn.Source);
        if (source.Length == 0)
        {
            return "thiếu nguồn (cột source): văn bản hoặc nơi đã đọc thông tin về cơ quan.";
        }

        if (!TryDate(cell(row, AgencyColumn.ValidFrom), out var from))
        {
            return $"ngày bắt đầu '{cell(row, AgencyColumn.ValidFrom)}' không hợp lệ (cột valid_from): viết dd/MM/yyyy hoặc yyyy-MM-dd, hoặc để trống nếu chưa biết.";
        }

        if (!TryDate(cell(row, AgencyColumn.ValidTo), out var to))
        {
            return $"ngày kết thúc '{cell(row, AgencyColumn.ValidTo)}' không hợp lệ (cột valid_to): viết dd/MM/yyyy hoặc yyyy-MM-dd, hoặc để trống nếu còn hoạt động hay chưa biết.";
        }

        if (from is { } start && to is { } end && end < start)
        {
            return $"ngày kết thúc {VietnameseText.Date(end)} trước ngày bắt đầu {VietnameseText.Date(start)}.";
        }

        var receivesText = cell(row, AgencyColumn.ReceivesDossiers);
        var receives = receivesText.Length == 0 ? ReceivesByDefault(kind) : ParseYesNo(receivesText);
        if (receives is null)
        {
            return $"cột receives_dossiers chỉ nhận có/không (true/false): '{receivesText}'.";
        }

        var predecessors = new List<AgencyLink>();
        foreach (var predecessor in cell(row, AgencyColumn.Predecessors).Split([';', ',', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (predecessor == code)
            {
                return $"cơ quan không thể là tiền thân của chính nó ('{predecessor}').";
            }

            if (!records.Exists(record => record.Code == predecessor) && !fileCodes.Contains(predecessor))
            {
                return $"cơ quan tiền thân '{predecessor}' không có trong sổ đăng ký hay trong tệp (cột predecessors).";
            }

            predecessors.Add(new AgencyLink(predecessor, from, source));
        }

        var shortName = cell(row, AgencyColumn.ShortName);
        agency = new Agency(code, name, shortName.Length == 0 ? name : shortName, LevelOf(kind), kind, receives.Value, null, from, to,
            predecessors, [], [], source, null, 0)
        {
            // An imported end without a named successor says so rather than leaving it blank (README: register rules).
            SuccessorUnknown = to is not null,
        };
        return null;
    }

    /// <summary>The existing record with what the file says; what the file has no column for is kept.</summary>
    private static Agency Merge(Agency existing, Agency imported, bool hasShortName, bool hasReceives) => existing with
    {
        Name = imported.Name,
        ShortName = hasShortName ? imported.ShortName : existing.ShortName,
        Kind = imported.Kind,
        Level = imported.Kind == existing.Kind ? existing.Level : imported.Level,
        ReceivesDossiers = hasReceives ? imported.ReceivesDossiers : (imported.Kind == existing.Kind ? existing.ReceivesDossiers : imported.ReceivesDossiers),
        ValidTo = imported.ValidTo,
        Predecessors = imported.Predecessors.Count == 0 ? existing.Predecessors
            : [.. existing.Predecessors.Where(link => !imported.Predecessors.Any(other => other.Code == link.Code)), .. imported.Predecessors],
        Source = imported.Source,
        SuccessorUnknown = imported.ValidTo is not null && existing.Successors.Count == 0,
    };

    private static bool Same(Agency a, Agency b) =>
        a.Name == b.Name && a.ShortName == b.ShortName && a.Kind == b.Kind && a.Level == b.Level && a.ReceivesDossiers == b.ReceivesDossiers
        && a.ValidTo == b.ValidTo && a.Source == b.Source && a.SuccessorUnknown == b.SuccessorUnknown
        && a.Predecessors.Select(link => (link.Code, link.Date, link.Source)).SequenceEqual(b.Predecessors.Select(link => (link.Code, link.Date, link.Source)));

    private static bool Has(Dictionary<AgencyColumn, int> columns, AgencyColumn column) => columns.ContainsKey(column);

    private static string Range(Agency agency) =>
        $"{(agency.ValidFrom is { } from ? VietnameseText.Date(from) : "chưa rõ")}–{(agency.ValidTo is { } to ? VietnameseText.Date(to) : "nay")}";

    private static AgencyLevel LevelOf(AgencyKind kind) => kind switch
    {
        AgencyKind.Commune => AgencyLevel.Commune,
        AgencyKind.District => AgencyLevel.District,
        AgencyKind.LineAgency => AgencyLevel.Central,
        _ => AgencyLevel.Province,
    };

    // Elected, party and steering bodies and the press never receive dossiers; an official list may still say so.
    private static bool? ReceivesByDefault(AgencyKind kind) => kind is not (AgencyKind.ProvincialGovernment or AgencyKind.Other);

    private static bool? ParseYesNo(string text) => VietnameseText.Fold(text) switch
    {
        "true" or "co" or "x" or "1" or "yes" => true,
        "false" or "khong" or "0" or "no" => false,
        _ => null,
    };

    private static bool TryDate(string text, out DateOnly? date)
    {
        date = null;
        if (text.Length == 0)
        {
            return true;
        }

        string[] formats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy"];
        if (DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }

    /// <summary>NFKC (Unicode digits, full-width forms) with every dash read as "-", trimmed: before anything is checked.</summary>
    private static string Normalise(string cell)
    {
        var text = cell.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation ? '-'
                : char.IsDigit(c) && !char.IsAsciiDigit(c) ? (char)('0' + (int)char.GetNumericValue(c))
                : c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC).Trim();
    }

    /// <summary>Header cells in Vietnamese or as the register's own keys, with or without diacritics.</summary>
    public static Dictionary<AgencyColumn, int> MatchHeader(IReadOnlyList<string> cells)
    {
        var columns = new Dictionary<AgencyColumn, int>();
        for (var i = 0; i < cells.Count; i++)
        {
            var text = VietnameseText.Fold(cells[i]).Trim(' ', ':', '.', '*').Replace('_', ' ');
            AgencyColumn? column = text switch
            {
                "code" or "ma" or "ma co quan" => AgencyColumn.Code,
                "name" or "ten" or "ten co quan" => AgencyColumn.Name,
                "short name" or "ten goi tat" or "ten tat" => AgencyColumn.ShortName,
                "kind" or "level" or "kind/level" or "loai" or "cap" or "loai/cap" => AgencyColumn.Kind,
                "receives dossiers" or "tiep nhan ho so" => AgencyColumn.ReceivesDossiers,
                "valid from" or "hieu luc tu" or "tu ngay" => AgencyColumn.ValidFrom,
                "valid to" or "hieu luc den" or "den ngay" => AgencyColumn.ValidTo,
                "predecessors" or "tien than" or "co quan tien than" => AgencyColumn.Predecessors,
                "source" or "nguon" => AgencyColumn.Source,
                _ => null,
            };
            if (column is { } found)
            {
                columns.TryAdd(found, i);
            }
        }

        return columns;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}
