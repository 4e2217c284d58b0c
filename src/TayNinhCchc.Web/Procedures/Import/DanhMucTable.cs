using System.Globalization;
using System.IO.Compression;
using System.Xml;
using CsvHelper;
using MiniExcelLibs;

namespace TayNinhCchc.Web.Procedures.Import;

/// <summary>The columns of a provincial danh mục TTHC that the importer understands.</summary>
internal enum DanhMucColumn
{
    Number,
    Code,
    Name,
    TimeLimit,
    Place,
    Online,
    Agency,
    Fee,
    LegalBasis,
    Note,
}

/// <summary>One row below the header: its line (CSV) or row (XLSX) number in the file and its trimmed cells.</summary>
internal sealed record DanhMucRow(int Number, IReadOnlyList<string> Cells);

/// <summary>
/// A danh mục read from a CSV or XLSX file: the header row found by its cells, which column holds what, and the rows
/// under it. Cells are trimmed and their line breaks normalised to "\n"; nothing else is changed.
/// </summary>
internal sealed class DanhMucTable
{
    /// <summary>How many rows from the top the header row is looked for (title blocks sit above it in XLSX files).</summary>
    public const int HeaderSearchRows = 30;

    private DanhMucTable(string format, int headerRow, IReadOnlyDictionary<DanhMucColumn, int> columns, IReadOnlyList<DanhMucRow> rows)
    {
        Format = format;
        HeaderRow = headerRow;
        Columns = columns;
        Rows = rows;
    }

    /// <summary>"CSV" or "XLSX".</summary>
    public string Format { get; }

    /// <summary>What a row number counts: lines of a CSV file, rows of a worksheet.</summary>
    public string RowLabel => Format == "CSV" ? "Dòng" : "Hàng";

    public int HeaderRow { get; }

    public IReadOnlyDictionary<DanhMucColumn, int> Columns { get; }

    /// <summary>The non-empty rows below the header, in file order.</summary>
    public IReadOnlyList<DanhMucRow> Rows { get; }

    public string Cell(DanhMucRow row, DanhMucColumn column) =>
        Columns.TryGetValue(column, out var index) && index < row.Cells.Count ? row.Cells[index] : string.Empty;

    /// <summary>Reads <paramref name="path"/>; on failure returns null and a Vietnamese reason in <paramref name="error"/>.</summary>
    public static DanhMucTable? Read(string path, out string? error)
    {
        var extension = Path.GetExtension(path).ToUpperInvariant();
        if (extension is not (".CSV" or ".XLSX"))
        {
            error = $"Chỉ nhận tệp .csv hoặc .xlsx, không nhận '{Path.GetFileName(path)}'.";
            return null;
        }

        if (!File.Exists(path))
        {
            error = $"Không tìm thấy tệp '{path}'.";
            return null;
        }

        List<DanhMucRow> rows;
        try
        {
            rows = extension == ".CSV" ? ReadCsv(path) : ReadXlsx(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CsvFormatException or InvalidDataException
            or XmlException or InvalidOperationException or NotSupportedException or FormatException or ArgumentException)
        {
            error = $"Không đọc được tệp '{Path.GetFileName(path)}': {ex.Message}";
            return null;
        }

        var format = extension == ".CSV" ? "CSV" : "XLSX";
        if (format == "CSV" && rows.Exists(row => row.Cells.Any(cell => cell.Contains('\uFFFD', StringComparison.Ordinal))))
        {
            error = $"Tệp '{Path.GetFileName(path)}' không phải văn bản UTF-8 (có ký tự không giải mã được); hãy lưu lại CSV dạng UTF-8.";
            return null;
        }

        foreach (var candidate in rows.Take(HeaderSearchRows))
        {
            var columns = MatchHeader(candidate.Cells);
            if (columns.ContainsKey(DanhMucColumn.Code) && columns.ContainsKey(DanhMucColumn.Name))
            {
                error = null;
                var below = rows.Where(row => row.Number > candidate.Number && row.Cells.Any(cell => cell.Length > 0)).ToList();
                return new DanhMucTable(format, candidate.Number, columns, below);
            }
        }

        error = $"Tệp '{Path.GetFileName(path)}' không phải danh mục TTHC: không tìm thấy dòng tiêu đề có cột 'Mã TTHC' và cột " +
            $"'Tên thủ tục hành chính' trong {HeaderSearchRows} dòng đầu.";
        return null;
    }

    /// <summary>Recognises the header cells of the layouts provinces publish, with or without diacritics.</summary>
    public static Dictionary<DanhMucColumn, int> MatchHeader(IReadOnlyList<string> cells)
    {
        var columns = new Dictionary<DanhMucColumn, int>();
        for (var i = 0; i < cells.Count; i++)
        {
            var text = ImportText.FoldForMatching(cells[i]).Trim(' ', ':', '.', '*');
            DanhMucColumn? column = text switch
            {
                "stt" or "tt" or "so tt" or "so thu tu" => DanhMucColumn.Number,
                _ when text.StartsWith("ma ", StringComparison.Ordinal)
                    && (text.Contains("tthc", StringComparison.Ordinal) || text.Contains("thu tuc", StringComparison.Ordinal) || text == "ma so")
                    => DanhMucColumn.Code,
                _ when text.StartsWith("ten thu tuc", StringComparison.Ordinal) || text.StartsWith("ten tthc", StringComparison.Ordinal)
                    => DanhMucColumn.Name,
                _ when text.StartsWith("thoi han", StringComparison.Ordinal) => DanhMucColumn.TimeLimit,
                _ when text.StartsWith("dia diem", StringComparison.Ordinal) => DanhMucColumn.Place,
                _ when text.Contains("dich vu cong truc tuyen", StringComparison.Ordinal) || text.StartsWith("muc do", StringComparison.Ordinal)
                    => DanhMucColumn.Online,
                _ when text.StartsWith("co quan", StringComparison.Ordinal) => DanhMucColumn.Agency,
                _ when text.StartsWith("phi", StringComparison.Ordinal) || text.StartsWith("le phi", StringComparison.Ordinal) => DanhMucColumn.Fee,
                _ when text.StartsWith("can cu", StringComparison.Ordinal) => DanhMucColumn.LegalBasis,
                _ when text.StartsWith("ghi chu", StringComparison.Ordinal) => DanhMucColumn.Note,
                _ => null,
            };

            if (column is { } found)
            {
                columns.TryAdd(found, i);
            }
        }

        return columns;
    }

    /// <summary>Every row of a CSV file or of the first worksheet of an XLSX file (also read by the agency import).</summary>
    internal static List<DanhMucRow> ReadRows(string path) =>
        Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? ReadCsv(path) : ReadXlsx(path);

    private static List<DanhMucRow> ReadCsv(string path)
    {
        // UTF-8 with or without a byte order mark; the separator is detected (comma, semicolon, tab or bar).
        var options = CsvReaderOptions.Default with { HasHeader = false, TrackLineNumbers = true };
        var rows = new List<DanhMucRow>();
        using var reader = CsvReader.FromFile(path, options);
        while (reader.Read())
        {
            var cells = reader.Current.ToArray().Select(Clean).ToList();
            if (rows.Count == 0 && cells.Count > 0)
            {
                cells[0] = cells[0].TrimStart('\uFEFF');
            }

            rows.Add(new DanhMucRow((int)reader.LineNumber, cells));
        }

        return rows;
    }

    private static List<DanhMucRow> ReadXlsx(string path)
    {
        // A file that is not a zip package fails here with InvalidDataException rather than deep inside the reader.
        using (ZipFile.OpenRead(path))
        {
        }

        var sheet = MiniExcel.GetSheetNames(path).FirstOrDefault()
            ?? throw new InvalidDataException("tệp không có trang tính nào.");
        var rows = new List<DanhMucRow>();
        var number = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet))
        {
            number++;
            var cells = new List<string>();
            foreach (var (column, value) in row)
            {
                var index = ColumnIndex(column);
                while (cells.Count <= index)
                {
                    cells.Add(string.Empty);
                }

                // A date cell is written as an ISO date: the invariant form (MM/dd/yyyy) would read as dd/MM in Vietnam.
                cells[index] = Clean(value is DateTime date
                    ? date.ToString(date.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
                    : Convert.ToString(value, CultureInfo.InvariantCulture));
            }

            rows.Add(new DanhMucRow(number, cells));
        }

        return rows;
    }

    /// <summary>"A" → 0, "B" → 1, "AA" → 26.</summary>
    private static int ColumnIndex(string letters)
    {
        var index = 0;
        foreach (var c in letters.ToUpperInvariant())
        {
            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }

    private static string Clean(string? cell) =>
        (cell ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
}
