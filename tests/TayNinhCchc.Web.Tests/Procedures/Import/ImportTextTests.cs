using TayNinhCchc.Web.Procedures.Import;

namespace TayNinhCchc.Web.Tests.Procedures.Import;

public sealed class ImportTextTests
{
    [Theory]
    [InlineData("I. THỦ TỤC HÀNH CHÍNH CẤP TỈNH (24 TTHC)", "tinh", null, false)]
    [InlineData("B. THỦ TỤC HÀNH CHÍNH CẤP XÃ", "xa", null, false)]
    [InlineData("I.2 Thủ tục hành chính cấp huyện (05 TTHC)", "huyen", null, false)]
    [InlineData("THU TUC HANH CHINH CAP XA", "xa", null, false)]
    [InlineData("I LĨNH VỰC CHỨNG THỰC (17 TTHC)", "", "Chứng thực", false)]
    [InlineData("VI Lĩnh vực đầu tư theo phương thức đối tác công tư (PPP) (06 TTHC)", "", "Đầu tư theo phương thức đối tác công tư (PPP)", false)]
    [InlineData("Lĩnh vực: Hộ tịch — Cấp thực hiện: Cấp xã", "xa", "Hộ tịch", false)]
    [InlineData("Lĩnh vực: Thành lập và hoạt động doanh nghiệp (hộ kinh doanh) — Cấp thực hiện: Cấp bộ, Cấp xã", "xa", "Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)", false)]
    [InlineData("V.1 Thủ tục hành chính dùng chung cho cấp tỉnh và cấp huyện (09 TTHC)", "tinh,huyen", null, true)]
    [InlineData("A. THỦ TỤC HÀNH CHÍNH ÁP DỤNG CHUNG", "", null, true)]
    [InlineData("A. DANH MỤC THỦ TỤC HÀNH CHÍNH SỬA ĐỔI, BỔ SUNG (51 TTHC)", "", null, false)]
    public void Group_headings_give_levels_and_field(string heading, string levels, string? field, bool shared)
    {
        var parsed = ImportText.ParseHeading(heading);

        Assert.Equal(levels, string.Join(',', parsed.Levels));
        Assert.Equal(field, parsed.Field);
        Assert.Equal(shared, parsed.Shared);
        Assert.True(parsed.LooksLikeHeading);
    }

    [Fact]
    public void Text_that_is_no_heading_is_recognised_as_such() =>
        Assert.False(ImportText.ParseHeading("Một dòng chữ lạ").LooksLikeHeading);

    [Theory]
    [InlineData("Toàn trình", "toan-trinh")]
    [InlineData("Một phần", "mot-phan")]
    [InlineData("một phần", "mot-phan")]
    [InlineData("- Trực tiếp.\n- Qua dịch vụ bưu chính công ích.\n- Qua dịch vụ công trực tuyến toàn trình.", "toan-trinh")]
    [InlineData("Một phần hoặc toàn trình", null)]
    [InlineData("Trực tiếp", null)]
    [InlineData("Mức độ 4", null)]
    [InlineData("", null)]
    public void Online_level_is_read_only_from_explicit_words(string cell, string? expected) =>
        Assert.Equal(expected, ImportText.OnlineLevel(cell));

    [Theory]
    [InlineData("Mức độ 3", 3)]
    [InlineData("Mức độ 4", 4)]
    [InlineData("Mức độ DVC: 2; Thực hiện qua BCCI: Không", 2)]
    [InlineData("Toàn trình", null)]
    [InlineData("Mức độ 3, mức độ 4", null)]
    public void Legacy_online_level_is_read_from_muc_do(string cell, int? expected) =>
        Assert.Equal(expected, ImportText.LegacyOnlineLevel(cell));

    [Theory]
    [InlineData("Nộp trực tiếp hoặc qua dịch vụ bưu chính hoặc trực tuyến trên môi trường điện tử", "truc-tiep,buu-chinh,truc-tuyen")]
    [InlineData("Nộp hồ sơ qua đường bưu điện hoặc nộp trực tiếp tại Trung tâm", "truc-tiep,buu-chinh")]
    [InlineData("Trực tuyến: Không có thông tin; Dịch vụ bưu chính: Không có thông tin; Trực tiếp: Không có thông tin", "truc-tiep,buu-chinh,truc-tuyen")]
    [InlineData("Nộp trực tiếp tại UBND cấp xã; không thực hiện trực tuyến", "truc-tiep")]
    [InlineData("Mức độ DVC: 3; Thực hiện qua BCCI: Có", "")]
    [InlineData("Tiếp nhận và trả kết quả tại Trung tâm HCC tỉnh", "")]
    public void Channels_come_only_from_explicit_words(string text, string expected) =>
        Assert.Equal(expected, string.Join(',', ImportText.Channels(text)));

    [Theory]
    [InlineData("Trong thời hạn 22 ngày làm việc, kể từ ngày nhận đủ hồ sơ.", 22)]
    [InlineData("Trong 01 ngày làm việc từ ngày nhận hồ sơ hợp lệ", 1)]
    [InlineData("Không quá 05 ngày làm việc", 5)]
    [InlineData("15 ngày làm việc", 15)]
    [InlineData("05 ngày", null)]
    [InlineData("14 ngày; Riêng đối với trường hợp công trình khai thác nước là hồ chứa…", null)]
    [InlineData("Không quá 02 (hai) ngày làm việc, kể từ ngày nhận đủ hồ sơ yêu cầu chứng thực hoặc có thể kéo dài hơn theo thỏa thuận", null)]
    [InlineData("Trong ngày nhận hồ sơ hợp lệ (Trường hợp phải kéo dài thì cũng không quá 03 ngày làm việc)", null)]
    [InlineData("Trực tuyến: 1; Dịch vụ bưu chính: 1; Trực tiếp: 1", null)]
    public void Working_days_only_when_the_text_states_them_unambiguously(string text, int? expected) =>
        Assert.Equal(expected, ImportText.WorkingDays(text));

    [Theory]
    [InlineData("50.000 đồng/ giao dịch", 50000L)]
    [InlineData("3.000.000 đồng/trường hợp (Miễn lệ phí đối với những trường hợp sau: …)", 3000000L)]
    [InlineData("2.000đồng/trang; từ trang thứ 3 trở lên thu 1.000 đồng/trang, tối đa thu không quá 200.000 đồng/bản", null)]
    [InlineData("10.000 đồng/th (trường hợp được tính là một hoặc nhiều chữ ký) Tại cơ quan đại diện: 10 USD/bản", null)]
    [InlineData("Trực tuyến: 150,000 Việt Nam Đồng; Trực tiếp: 50,000 VNĐ", null)]
    [InlineData("Trực tuyến: 150,000 Việt Nam Đồng; Dịch vụ bưu chính: 150,000 Việt Nam Đồng", 150000L)]
    [InlineData("Không", null)]
    [InlineData("Miễn phí", null)]
    [InlineData("Theo Nghị quyết số 22/2025/NQ-HĐND ngày 10/11/2025; giảm 50 % mức phí", null)]
    public void Fee_amounts_only_when_there_is_one_amount_in_dong(string fee, long? expected) =>
        Assert.Equal(expected is { } amount ? [amount] : [], ImportText.FeeAmounts(fee));

    [Fact]
    public void Legal_basis_gives_one_item_per_line_and_per_flattened_bullet()
    {
        Assert.Equal(
            ["Nghị định số 23/2015/NĐ-CP ngày 16/02/2015 của Chính phủ.", "Thông tư số 01/2020/TT-BTP ngày 03/3/2020 của Bộ Tư pháp."],
            ImportText.LegalBasisItems("- Nghị định số 23/2015/NĐ-CP ngày 16/02/2015 của Chính phủ. - Thông tư số 01/2020/TT-BTP ngày 03/3/2020 của Bộ Tư pháp."));
        Assert.Equal(
            ["Nghị định số 280/2025/NĐ-CP", "Thông tư số 226/2016/TT-BTC quy định mức thu."],
            ImportText.LegalBasisItems("+ Nghị định số 280/2025/NĐ-CP;\n+ Thông tư số 226/2016/TT-BTC quy định mức thu."));
        Assert.Equal(
            ["Luật Quốc tịch Việt Nam 2008", "Nghị định số 16/2020/NĐ-CP"],
            ImportText.LegalBasisItems("- Luật Quốc tịch Việt Nam 2008; - Nghị định số 16/2020/NĐ-CP;"));
        Assert.Equal(
            ["Điều 21 Nghị định số 131/2025/NĐ-CP ngày 12/6/2025 - 2026"],
            ImportText.LegalBasisItems("Điều 21 Nghị định số 131/2025/NĐ-CP ngày 12/6/2025 - 2026"));
        Assert.Empty(ImportText.LegalBasisItems(""));
    }
}
