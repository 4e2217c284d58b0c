using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Net.Http.Headers;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Procedures;

namespace TayNinhCchc.Web.Endpoints;

/// <summary>
/// The procedure catalogue as open data (JSON and CSV), with ETag and Last-Modified so clients re-download only
/// after the content changed. The bytes are built once per content snapshot.
/// </summary>
public static class OpenDataEndpoints
{
    private static readonly ConditionalWeakTable<ContentSnapshot, OpenDataFile> JsonFiles = [];
    private static readonly ConditionalWeakTable<ContentSnapshot, OpenDataFile> CsvFiles = [];

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>The columns of both files, in order, with their meaning (shown on /du-lieu).</summary>
    public static IReadOnlyList<(string Name, string Meaning)> Columns { get; } =
    [
        ("code", "Mã thủ tục hành chính (dạng d.dddddd)"),
        ("name", "Tên thủ tục"),
        ("field", "Lĩnh vực"),
        ("levels", "Cấp thực hiện: tinh, huyen (trước 01/7/2025), xa; nhiều giá trị cách nhau bởi dấu ;"),
        ("agency", "Cơ quan thực hiện, nguyên văn văn bản công bố"),
        ("agency_codes", "Mã cơ quan trên cổng (nếu đã đối chiếu với danh mục cơ quan của tỉnh)"),
        ("audiences", "Đối tượng thực hiện"),
        ("channels", "Cách thức thực hiện: truc-tiep, truc-tuyen, buu-chinh"),
        ("time_limit", "Thời hạn giải quyết, nguyên văn"),
        ("time_limit_working_days", "Số ngày làm việc, khi văn bản ghi rõ"),
        ("fee", "Phí, lệ phí, nguyên văn"),
        ("online_level", "Mức độ dịch vụ công trực tuyến: toan-trinh, mot-phan, khong; để trống nếu chưa cập nhật"),
        ("online_level_before_2022", "Mức độ 1–4 theo cách phân loại trước Nghị định 42/2022"),
        ("online_url", "Địa chỉ nộp hồ sơ trực tuyến"),
        ("place", "Địa điểm thực hiện"),
        ("documents", "Số giấy tờ trong thành phần hồ sơ đã được cập nhật"),
        ("published_by", "Quyết định công bố thủ tục"),
        ("source", "Nguồn của thông tin"),
        ("last_verified", "Ngày kiểm tra lần cuối (yyyy-MM-dd)"),
        ("url", "Địa chỉ trang thủ tục trên cổng"),
    ];

    public static IEndpointRouteBuilder MapOpenDataEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/du-lieu/thu-tuc.json", (HttpContext context, ContentLibrary library) =>
            Serve(context, JsonFiles.GetValue(library.Current, BuildJson), "application/json; charset=utf-8"));
        endpoints.MapGet("/du-lieu/thu-tuc.csv", (HttpContext context, ContentLibrary library) =>
            Serve(context, CsvFiles.GetValue(library.Current, BuildCsv), "text/csv; charset=utf-8"));
        return endpoints;
    }

    /// <summary>The bytes of a file with the validators clients send back to skip an unchanged download.</summary>
    internal sealed record OpenDataFile(byte[] Bytes, EntityTagHeaderValue ETag, DateTimeOffset LastModified)
    {
        /// <summary>A file whose ETag is a hash of its bytes, so every node gives the same bytes the same tag.</summary>
        public static OpenDataFile Of(byte[] bytes, DateTimeOffset lastModified)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
            return new OpenDataFile(bytes, new EntityTagHeaderValue($"\"{hash}\""), lastModified.AddTicks(-(lastModified.Ticks % TimeSpan.TicksPerSecond)));
        }
    }

    internal static IResult Serve(HttpContext context, OpenDataFile file, string contentType)
    {
        var response = context.Response.GetTypedHeaders();
        response.ETag = file.ETag;
        response.LastModified = file.LastModified;
        response.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromMinutes(5) };
        var request = context.Request.GetTypedHeaders();
        var notModified = request.IfNoneMatch.Count > 0
            ? request.IfNoneMatch.Any(tag => tag.Compare(file.ETag, useStrongComparison: false) || tag.Equals(EntityTagHeaderValue.Any))
            : request.IfModifiedSince is { } since && file.LastModified <= since;
        return notModified ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(file.Bytes, contentType);
    }

    private static IEnumerable<Dictionary<string, object?>> Records(ContentSnapshot snapshot) =>
        snapshot.Procedures.All.Select(p => new Dictionary<string, object?>
        {
            ["code"] = p.Code,
            ["name"] = p.Name,
            ["field"] = p.Field,
            ["levels"] = string.Join(';', p.Levels.Select(ProcedureLabels.LevelCode)),
            ["agency"] = p.AgencyText,
            ["agency_codes"] = string.Join(';', p.Agencies),
            ["audiences"] = string.Join(';', p.Audiences),
            ["channels"] = string.Join(';', p.Channels.Select(c => ProcedureReader.ChannelCodes.First(pair => pair.Value == c).Key)),
            ["time_limit"] = p.TimeLimit,
            ["time_limit_working_days"] = p.TimeLimitWorkingDays,
            ["fee"] = p.Fee,
            ["online_level"] = p.OnlineLevel == OnlineLevel.Unknown ? null : ProcedureLabels.OnlineCode(p.OnlineLevel),
            ["online_level_before_2022"] = p.LegacyOnlineLevel,
            ["online_url"] = p.OnlineUrl,
            ["place"] = p.Place,
            ["documents"] = p.Documents.Count,
            ["published_by"] = p.PublishedBy,
            ["source"] = p.Source,
            ["last_verified"] = p.LastVerified?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["url"] = p.Url,
        });

    private static OpenDataFile BuildJson(ContentSnapshot snapshot) =>
        Seal(JsonSerializer.SerializeToUtf8Bytes(Records(snapshot), JsonOptions), snapshot);

    private static OpenDataFile BuildCsv(ContentSnapshot snapshot)
    {
        using var stream = new MemoryStream();
        // A byte order mark makes Excel read the file as UTF-8, so Vietnamese shows correctly.
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        {
            writer.Write(string.Join(',', Columns.Select(column => column.Name)) + "\r\n");
            foreach (var record in Records(snapshot))
            {
                writer.Write(string.Join(',', Columns.Select(column => CsvField(Convert.ToString(record[column.Name], CultureInfo.InvariantCulture)))) + "\r\n");
            }
        }

        return Seal(stream.ToArray(), snapshot);
    }

    /// <summary>RFC 4180: quote a field holding a comma, quote or line break, doubling inner quotes.</summary>
    internal static string CsvField(string? value) =>
        value is null ? string.Empty
        : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
        : value;

    private static OpenDataFile Seal(byte[] bytes, ContentSnapshot snapshot) =>
        OpenDataFile.Of(bytes, new DateTimeOffset(DateTime.SpecifyKind(snapshot.LoadedAtUtc, DateTimeKind.Utc)));
}
