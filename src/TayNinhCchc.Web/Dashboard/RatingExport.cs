using System.Data;
using System.Globalization;
using CsvHelper;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Dashboard;

/// <summary>
/// An agency's ratings as a table for CSV or Excel: one row per rating with the label of each answer, the masked
/// comment and reasons. Hashes (dossier, client) and review internals are never part of it.
/// </summary>
public sealed class RatingExport(CriteriaRegistry registry, ContentLibrary content)
{
    public sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

    public async Task<Table> BuildAsync(PortalDbContext db, IQueryable<Rating> ratings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var list = await ratings.AsNoTracking()
            .Include(rating => rating.Answers)
            .OrderBy(rating => rating.SubmittedAt)
            .ThenBy(rating => rating.Id)
            .ToListAsync(cancellationToken);

        // Columns follow the criteria of every version answered in the period, by criterion code, first seen first.
        var sets = new Dictionary<string, CriteriaSet?>(StringComparer.Ordinal);
        var criteria = new List<Criterion>();
        foreach (var version in list.Select(rating => rating.CriteriaVersion).Distinct())
        {
            var set = await registry.ByVersionAsync(db, version, cancellationToken);
            sets[version] = set;
            criteria.AddRange((set?.Criteria ?? []).Where(criterion => criteria.All(known => known.Code != criterion.Code)));
        }

        var withReasons = criteria.Where(criterion => criterion.Options.Any(option => option.ReasonRequired)).ToList();
        var headers = new List<string> { "Số biên nhận", "Ngày", "Giờ", "Mã cơ quan", "Cơ quan", "Mã thủ tục", "Thủ tục", "Cách nộp hồ sơ", "Phiên bản bộ tiêu chí" };
        headers.AddRange(criteria.Select(criterion => criterion.Title));
        headers.AddRange(withReasons.Select(criterion => $"Lý do – {criterion.Title}"));
        headers.Add("Góp ý");
        headers.Add("Trạng thái góp ý");

        var snapshot = content.Current;
        var rows = list.Select(rating =>
        {
            var local = VietnamClock.ToVietnam(rating.SubmittedAt);
            var set = sets[rating.CriteriaVersion];
            var answers = rating.Answers.ToDictionary(answer => answer.CriterionCode, StringComparer.Ordinal);
            var row = new List<string>
            {
                rating.ReceiptNumber,
                local.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                local.ToString("HH:mm", CultureInfo.InvariantCulture),
                rating.AgencyCode,
                snapshot.AgenciesByCode.TryGetValue(rating.AgencyCode, out var agency) ? agency.Name : string.Empty,
                rating.ProcedureCode ?? string.Empty,
                rating.ProcedureCode is { } code && snapshot.Procedures.ByCode.TryGetValue(code, out var procedure) ? procedure.Name : string.Empty,
                DashboardText.ChannelLabel(rating.Channel),
                rating.CriteriaVersion,
            };
            row.AddRange(criteria.Select(criterion => answers.TryGetValue(criterion.Code, out var answer)
                ? (set?.Find(criterion.Code) ?? criterion).Option(answer.Value)?.Label ?? answer.Value.ToString(CultureInfo.InvariantCulture)
                : string.Empty));
            row.AddRange(withReasons.Select(criterion => answers.TryGetValue(criterion.Code, out var answer) ? answer.Reason ?? string.Empty : string.Empty));
            row.Add(rating.Comment ?? string.Empty);
            row.Add(rating.Comment is null && rating.Answers.All(answer => answer.Reason is null) ? string.Empty : DashboardText.StateLabel(rating.CommentState));
            return (IReadOnlyList<string>)row;
        }).ToList();

        return new Table(headers, rows);
    }

    /// <summary>
    /// UTF-8 with a byte-order mark, so Excel on Windows reads the Vietnamese letters. Citizens' text that starts like
    /// a formula (= + - @) is escaped: a spreadsheet would otherwise run it (OWASP "CSV injection").
    /// </summary>
    public static byte[] ToCsv(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteRecord([.. table.Headers]);
            foreach (var row in table.Rows)
            {
                csv.WriteRecord([.. row]);
            }
        }

        return stream.ToArray();
    }

    /// <summary>One sheet with a header row; every cell is text.</summary>
    public static byte[] ToXlsx(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var data = new DataTable("Phiếu đánh giá") { Locale = CultureInfo.InvariantCulture };
        foreach (var key in UniqueKeys(table.Headers))
        {
            data.Columns.Add(key, typeof(string));
        }

        foreach (var row in table.Rows)
        {
            data.Rows.Add(row.Cast<object>().ToArray());
        }

        using var stream = new MemoryStream();
        stream.SaveAs(data, sheetName: "Phiếu đánh giá", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static List<string> UniqueKeys(IReadOnlyList<string> headers)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return headers.Select(header =>
        {
            var key = header;
            for (var n = 2; !seen.Add(key); n++)
            {
                key = $"{header} ({n})";
            }

            return key;
        }).ToList();
    }
}
