using TayNinhCchc.Web.Infrastructure;

namespace TayNinhCchc.Web.Tests.Infrastructure;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Đăng ký khai sinh", "dang-ky-khai-sinh")]
    [InlineData("ĐỔI THẺ CĂN CƯỚC", "doi-the-can-cuoc")]
    [InlineData("I. MỤC TIÊU, YÊU CẦU", "i-muc-tieu-yeu-cau")]
    [InlineData("  Sở Tài nguyên và Môi trường  ", "so-tai-nguyen-va-moi-truong")]
    [InlineData("Quý II/2021", "quy-ii-2021")]
    [InlineData("Hiện đại hóa — hành chính!", "hien-dai-hoa-hanh-chinh")]
    public void Slugs_drop_diacritics_and_map_d_with_stroke(string text, string slug) =>
        Assert.Equal(slug, VietnameseText.Slugify(text));

    [Fact]
    public void Folding_makes_typed_without_diacritics_equal() =>
        Assert.Equal(VietnameseText.Fold("dang ky khai sinh"), VietnameseText.Fold("Đăng ký khai sinh"));

    [Theory]
    [InlineData(1_752_580_000, "1.752.580.000 đồng")]
    [InlineData(0, "0 đồng")]
    [InlineData(999, "999 đồng")]
    [InlineData(1_000, "1.000 đồng")]
    public void Money_is_written_the_vietnamese_way(long amount, string text) =>
        Assert.Equal(text, VietnameseText.Money(amount));

    [Fact]
    public void Dates_are_day_month_year() =>
        Assert.Equal("04/04/2019", VietnameseText.Date(new DateOnly(2019, 4, 4)));

    [Theory]
    [InlineData(0.853, "85,3%")]
    [InlineData(0.4902, "49,0%")]
    [InlineData(1.0, "100,0%")]
    [InlineData(0.0, "0,0%")]
    public void Percentages_use_a_decimal_comma(double share, string text) =>
        Assert.Equal(text, VietnameseText.Percent(share));

    [Fact]
    public void Decimals_group_thousands_with_dots() =>
        Assert.Equal("1.234,50", VietnameseText.Number(1234.5, 2));
}
