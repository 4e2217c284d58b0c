namespace TayNinhCchc.Web.Tests.Content;

/// <summary>A small, valid content folder in a temporary directory; tests break or extend it file by file.</summary>
internal sealed class ContentFolder : IDisposable
{
    public const string Agencies = """
        agencies:
          - code: ubnd-tinh
            name: Ủy ban nhân dân tỉnh Tây Ninh
            short_name: UBND tỉnh
            level: tinh
            kind: ubnd-tinh
            receives_dossiers: false
            valid_to: 2025-06-30
            successors:
              - { code: ubnd-tinh-tay-ninh-2025, date: 2025-07-01, source: Kiểm thử }
            source: Kiểm thử
          - code: so-noi-vu
            name: Sở Nội vụ tỉnh Tây Ninh
            short_name: Sở Nội vụ
            level: tinh
            kind: so-ban-nganh
            receives_dossiers: true
            parent: ubnd-tinh
            source: Kiểm thử
          - code: ubnd-huyen-go-dau
            name: Ủy ban nhân dân huyện Gò Dầu
            short_name: UBND huyện Gò Dầu
            level: huyen
            kind: ubnd-huyen
            receives_dossiers: true
            parent: ubnd-tinh
            valid_to: 2025-06-30
            successors: chua-ro
            source: Kiểm thử
          - code: ubnd-tinh-tay-ninh-2025
            name: Ủy ban nhân dân tỉnh Tây Ninh (sau sắp xếp)
            short_name: UBND tỉnh (từ 01/7/2025)
            level: tinh
            kind: ubnd-tinh
            receives_dossiers: false
            valid_from: 2025-07-01
            predecessors:
              - { code: ubnd-tinh, date: 2025-07-01, source: Kiểm thử }
            source: Kiểm thử
        groups:
          - code: cac-so-nganh
            name: Các sở, ban, ngành tỉnh
            source: Kiểm thử
        """;

    public const string Plan = """
        ---
        title: Kế hoạch thử
        summary: Tóm tắt.
        decision_number: "1/QĐ-UBND"
        issued: 2020-11-16
        effective: 2021-01-01
        issuer: Chủ tịch UBND tỉnh
        signer: Người ký
        source: Kiểm thử
        appendix: nhiem-vu-2021.yml
        corrections:
          - original: "Nhu"
            corrected: "Như"
            line: 42
            reason: OCR
        inconsistencies:
          - "Số hiệu 2818 / 281 / 288"
        ---
        ## I. Mục tiêu

        ### 1. Đăng ký khai sinh

        Nội dung.

        ### 1. Đăng ký khai sinh

        Lặp lại.
        """;

    public const string Appendix = """
        document: Phụ lục thử
        source: Kiểm thử
        stated_total: 1000
        tasks:
          - id: 1
            section: I. Chỉ đạo
            task: Nhiệm vụ một
            lead: [so-noi-vu]
            levels: [tinh, huyen]
            deadline: Quý II/2021
            budget: 300
            source_line: 10
          - id: 2
            section: I. Chỉ đạo
            task: Nhiệm vụ hai
            lead: [cac-so-nganh]
            cooperating: [so-noi-vu]
            levels: [xa]
            deadline: Trong năm 2021
            budget: 600
            source_line: 11
        """;

    public ContentFolder()
    {
        Root = Directory.CreateTempSubdirectory("tayninhcchc-content-").FullName;
        Write("co-quan.yml", Agencies);
        Write("ke-hoach/ke-hoach-2021.md", Plan);
        Write("ke-hoach/nhiem-vu-2021.yml", Appendix);
        Write("tin-tuc/bai-mot.md", Article("Bài một", "2021-01-05"));
    }

    public string Root { get; }

    public static string Article(string title, string date, string extraFrontMatter = "", string body = "Nội dung bài.") =>
        $"---\ntitle: {title}\ndate: {date}\nsummary: Tóm tắt {title}.\ntags: [Kế hoạch CCHC]\nsource: Kiểm thử\n{extraFrontMatter}---\n{body}\n";

    public static string Procedure(string code, string name, string field, string levels = "[xa]", string extra = "", string body = "") =>
        $"---\ncode: \"{code}\"\nname: {name}\nfield: {field}\nlevels: {levels}\n{extra}published_by: \"Quyết định thử\"\nsource: Kiểm thử\n---\n{body}\n";

    public void Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    public void Delete(string relativePath) => File.Delete(Path.Combine(Root, relativePath));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
