using TayNinhCchc.Benchmarks.Catalogue;

namespace TayNinhCchc.Benchmarks.Search;

/// <summary>The fixed 50 queries, the way citizens type them, with the kind of each for the report.</summary>
internal static class BenchmarkQueries
{
    public static IReadOnlyList<(string Kind, string Query)> All { get; } =
    [
        // With diacritics.
        ("dấu", "đăng ký khai sinh"),
        ("dấu", "cấp giấy phép xây dựng"),
        ("dấu", "giấy phép khai thác nước dưới đất"),
        ("dấu", "đăng ký hộ kinh doanh"),
        ("dấu", "chứng thực bản sao"),
        ("dấu", "gia hạn giấy phép"),
        ("dấu", "cấp lại giấy chứng nhận"),
        ("dấu", "đăng ký kết hôn"),
        ("dấu", "điều chỉnh giấy phép môi trường"),
        ("dấu", "Phiếu lý lịch tư pháp"),
        // Without diacritics.
        ("không dấu", "dang ky khai sinh"),
        ("không dấu", "cap giay phep xay dung"),
        ("không dấu", "giay phep khai thac nuoc duoi dat"),
        ("không dấu", "dang ky ho kinh doanh"),
        ("không dấu", "chung thuc ban sao"),
        ("không dấu", "dang ky tam tru"),
        ("không dấu", "doi giay phep lai xe"),
        ("không dấu", "dang ky thanh lap cong ty co phan"),
        ("không dấu", "giay xac nhan tinh trang hon nhan"),
        ("không dấu", "tro cap that nghiep"),
        // Everyday words and synonyms (content/tu-dong-nghia.yml).
        ("đồng nghĩa", "so do"),
        ("đồng nghĩa", "sổ hồng"),
        ("đồng nghĩa", "cmnd"),
        ("đồng nghĩa", "CCCD"),
        ("đồng nghĩa", "lam giay khai sinh"),
        ("đồng nghĩa", "khoan gieng"),
        ("đồng nghĩa", "mo cua hang"),
        ("đồng nghĩa", "giay phep xay nha"),
        ("đồng nghĩa", "photo cong chung"),
        ("đồng nghĩa", "ho khau"),
        // One typo in a word of five letters or more.
        ("lỗi gõ", "khoang nuoc"),
        ("lỗi gõ", "dang ky kinh doang"),
        ("lỗi gõ", "giay phep xay dungg"),
        ("lỗi gõ", "dang ky thuogn tru"),
        ("lỗi gõ", "giay chugn nhan quyen su dung dat"),
        ("lỗi gõ", "giay phep moi truongg"),
        ("lỗi gõ", "thanh lap doanh nghep"),
        ("lỗi gõ", "khai thac khaong san"),
        ("lỗi gõ", "tinh trnag hon nhan"),
        // Unfinished words (prefix of the last word).
        ("tiền tố", "dang ky kh"),
        ("tiền tố", "cap giay ph"),
        ("tiền tố", "gia han gi"),
        ("tiền tố", "chung th"),
        ("tiền tố", "ho kinh d"),
        ("tiền tố", "xay d"),
        // Procedure codes: three that every generated catalogue has, one that none has.
        ("mã", CatalogueGenerator.Code(0)),
        ("mã", CatalogueGenerator.Code(1234)),
        ("mã", CatalogueGenerator.Code(2499)),
        ("mã", CatalogueGenerator.MissingCode),
        // A long question with stop words.
        ("câu dài", "thủ tục cấp lại giấy phép kinh doanh cho hộ kinh doanh ở đâu"),
    ];

    public static string[] Texts { get; } = All.Select(query => query.Query).ToArray();
}
