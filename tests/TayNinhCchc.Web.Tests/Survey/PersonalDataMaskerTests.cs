using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Tests.Survey;

public sealed class PersonalDataMaskerTests
{
    [Theory]
    [InlineData("Gọi 0912345678 nhé", "Gọi [đã ẩn số điện thoại] nhé")]
    [InlineData("Gọi 0912 345 678 nhé", "Gọi [đã ẩn số điện thoại] nhé")]
    [InlineData("Gọi 0912.345.678", "Gọi [đã ẩn số điện thoại]")]
    [InlineData("Gọi +84 912 345 678", "Gọi [đã ẩn số điện thoại]")]
    [InlineData("Gọi 84912345678", "Gọi [đã ẩn số điện thoại]")]
    [InlineData("Máy bàn 0276-3822-111", "Máy bàn [đã ẩn số điện thoại]")]
    [InlineData("CCCD 072123456789.", "CCCD [đã ẩn số CCCD/CMND].")]
    [InlineData("CMND: 290123456", "CMND: [đã ẩn số CCCD/CMND]")]
    [InlineData("Thư: le.thi.b@tayninh.gov.vn", "Thư: [đã ẩn email]")]
    [InlineData("Tổng 1.752.580.000 đồng", "Tổng 1.752.580.000 đồng")]
    [InlineData("Ngày 16/11/2020, mã 1.001193", "Ngày 16/11/2020, mã 1.001193")]
    [InlineData("Chờ 15 ngày, đi lại 3 lần", "Chờ 15 ngày, đi lại 3 lần")]
    [InlineData("Mã hồ sơ 000.00.19.H57", "Mã hồ sơ 000.00.19.H57")]
    public void Identifiers_are_masked_and_other_numbers_are_left_alone(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text));
}
