using System.Globalization;
using System.Text;
using System.Text.Json;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Survey;
using OpenDataFile = TayNinhCchc.Web.Endpoints.OpenDataEndpoints.OpenDataFile;

namespace TayNinhCchc.Web.Endpoints;

/// <summary>
/// The survey results as open data: per agency and month, the totals and the count of every option of every
/// criterion. Built from the tallies only, so no comment, reason or hash can ever end up in it. Below the minimum n
/// (<see cref="RatingStatistics.MinimumForPublication"/>) only n is published: the figures drawn from the answers are
/// an explicit null, with a field saying they are withheld, so one citizen's answers cannot be read off a small month.
/// </summary>
public static class RatingOpenDataEndpoints
{
    /// <summary>The CSV columns, in order, with their meaning (shown on /du-lieu). The JSON uses the same names.</summary>
    public static IReadOnlyList<(string Name, string Meaning)> Columns { get; } =
    [
        ("agency_code", "Mã cơ quan trên cổng (như trong địa chỉ /co-quan/…)"),
        ("agency_name", "Tên cơ quan; để trống nếu mã không còn trong danh bạ cơ quan"),
        ("agency_level", "Cấp: tinh, trung-uong, huyen, xa"),
        ("ranking_group", "Nhóm xếp hạng: so-nganh (cấp tỉnh và cơ quan Trung ương), cap-huyen, cap-xa"),
        ("year", "Năm (theo giờ Việt Nam, UTC+7)"),
        ("month", "Tháng 1–12 (theo giờ Việt Nam, UTC+7)"),
        ("ratings", "Số phiếu được tính của cơ quan trong tháng (n); không gồm phiếu bị gắn cờ chưa được chấp nhận"),
        ("minimum_n", "Số phiếu tối thiểu để công bố các số liệu tính từ câu trả lời (bằng ngưỡng xếp hạng)"),
        ("figures_withheld", "true nếu ratings nhỏ hơn minimum_n: satisfied, dissatisfied và mọi count của tháng để trống (null), để không thể suy ra câu trả lời của từng người"),
        ("satisfied", "Số phiếu chọn mức hài lòng ở câu đánh giá tổng thể; để trống nếu figures_withheld"),
        ("dissatisfied", "Số phiếu có ít nhất một câu trả lời «Không hài lòng» (dùng cho tỷ lệ theo QĐ 766); để trống nếu figures_withheld"),
        ("demo_ratings", "Trong số ratings, số phiếu minh họa do hệ thống tạo ra (không phải đánh giá thật); 0 với dữ liệu thật"),
        ("criteria_version", "Phiên bản bộ câu hỏi"),
        ("criterion_number", "Số thứ tự câu hỏi trong phiên bản (như «Câu N» trên trang kết quả)"),
        ("criterion_code", "Mã câu hỏi"),
        ("criterion_title", "Nội dung câu hỏi"),
        ("tt01_index", "Số chỉ số (1–9) của Thông tư 01/2018/TT-VPCP; để trống nếu không phải chỉ số"),
        ("option_value", "Giá trị của mức trả lời"),
        ("option_label", "Nội dung mức trả lời"),
        ("option_points", "Điểm của mức trả lời (0–2) với các chỉ số của TT 01/2018; để trống nếu không có điểm"),
        ("option_satisfied", "true nếu mức này được tính là hài lòng"),
        ("count", "Số phiếu chọn mức trả lời này trong tháng; để trống nếu count_withheld"),
        ("count_withheld", "true nếu số phiếu trả lời câu hỏi này trong tháng nhỏ hơn minimum_n (luôn true khi figures_withheld): count không công bố"),
    ];

    public static IEndpointRouteBuilder MapRatingOpenDataEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/du-lieu/ket-qua-danh-gia.json", async (HttpContext context, RatingOpenData data, PortalDbContext db) =>
            OpenDataEndpoints.Serve(context, (await data.GetAsync(db, context.RequestAborted)).Json, "application/json; charset=utf-8"));
        endpoints.MapGet("/du-lieu/ket-qua-danh-gia.csv", async (HttpContext context, RatingOpenData data, PortalDbContext db) =>
            OpenDataEndpoints.Serve(context, (await data.GetAsync(db, context.RequestAborted)).Csv, "text/csv; charset=utf-8"));
        return endpoints;
    }

    internal static RatingOpenData.Files Build(string key, IReadOnlyList<AgencyMonth> months, ContentSnapshot snapshot, int minimum, DateTimeOffset builtAt)
    {
        var records = months.Select(month =>
        {
            var agency = snapshot.AgenciesByCode.GetValueOrDefault(month.AgencyCode);
            var withheld = month.Totals.Ratings < minimum;
            return new Dictionary<string, object?>
            {
                ["agency_code"] = month.AgencyCode,
                ["agency_name"] = agency?.Name,
                ["agency_level"] = agency?.Level.Code(),
                ["ranking_group"] = agency is null ? null : RankingGroups.Of(agency)?.Code(),
                ["year"] = month.Month.Year,
                ["month"] = month.Month.Month,
                ["ratings"] = month.Totals.Ratings,
                ["minimum_n"] = minimum,
                ["figures_withheld"] = withheld,
                ["satisfied"] = withheld ? null : month.Totals.Satisfied,
                ["dissatisfied"] = withheld ? null : month.Totals.Dissatisfied,
                ["demo_ratings"] = month.Totals.Demo,
                ["criteria"] = month.Criteria.Criteria.Select(result =>
                {
                    // A criterion can have fewer answers than the month has ratings (optional questions).
                    var countWithheld = withheld || result.Answers < minimum;
                    return new Dictionary<string, object?>
                    {
                        ["criteria_version"] = result.Version,
                        ["criterion_number"] = result.Number,
                        ["criterion_code"] = result.Criterion.Code,
                        ["criterion_title"] = result.Criterion.Title,
                        ["tt01_index"] = result.Criterion.Tt01Index,
                        ["options"] = result.Options.Select(option => new Dictionary<string, object?>
                        {
                            ["option_value"] = option.Option.Value,
                            ["option_label"] = option.Option.Label,
                            ["option_points"] = option.Option.Points,
                            ["option_satisfied"] = option.Option.Satisfied,
                            ["count"] = countWithheld ? null : option.Count,
                            ["count_withheld"] = countWithheld,
                        }).ToList(),
                    };
                }).ToList(),
            };
        }).ToList();

        var json = JsonSerializer.SerializeToUtf8Bytes(records, OpenDataEndpoints.JsonOptions);
        return new RatingOpenData.Files(key, OpenDataFile.Of(json, builtAt), OpenDataFile.Of(Csv(records), builtAt));
    }

    /// <summary>One line per agency, month, criterion and option: the month's totals repeat on each of its lines.</summary>
    private static byte[] Csv(List<Dictionary<string, object?>> records)
    {
        using var stream = new MemoryStream();
        // A byte order mark makes Excel read the file as UTF-8, so Vietnamese shows correctly.
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        {
            writer.Write(string.Join(',', Columns.Select(column => column.Name)) + "\r\n");
            foreach (var record in records)
            {
                foreach (var criterion in (List<Dictionary<string, object?>>)record["criteria"]!)
                {
                    foreach (var option in (List<Dictionary<string, object?>>)criterion["options"]!)
                    {
                        writer.Write(string.Join(',', Columns.Select(column => OpenDataEndpoints.CsvField(Text(
                            option.TryGetValue(column.Name, out var value) ? value
                            : criterion.TryGetValue(column.Name, out value) ? value
                            : record[column.Name])))) + "\r\n");
                    }
                }
            }
        }

        return stream.ToArray();
    }

    private static string? Text(object? value) => value switch
    {
        bool flag => flag ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// Keeps the last built results files and rebuilds them only when the tallies or the content (agency names) changed.
/// Last-Modified is when this node built the files; the ETag is a hash of the bytes, the same on every node.
/// </summary>
public sealed class RatingOpenData(RatingStatistics statistics, ContentLibrary content, TimeProvider time)
{
    private Files? current;

    internal sealed record Files(string Key, OpenDataFile Json, OpenDataFile Csv);

    internal async Task<Files> GetAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        // The key is read before the data: a change in between makes the next request rebuild, never a stale hit.
        var minimum = statistics.MinimumForPublication;
        var key = $"{content.Version.ToString(CultureInfo.InvariantCulture)}/{await statistics.TallyVersionAsync(db, cancellationToken)}/{minimum.ToString(CultureInfo.InvariantCulture)}";
        var snapshot = content.Current;
        if (Volatile.Read(ref current) is { } cached && cached.Key == key)
        {
            return cached;
        }

        // Two requests after the same change may both build; they build the same bytes, and either result is right.
        var months = await statistics.AllMonthsAsync(db, cancellationToken);
        var built = RatingOpenDataEndpoints.Build(key, months, snapshot, minimum, time.GetUtcNow());
        Volatile.Write(ref current, built);
        return built;
    }
}
