using TayNinhCchc.Web.Content;

namespace TayNinhCchc.Web.Tests.Procedures;

/// <summary>How citizens type, against the shipped catalogue: the expected procedure must come first.</summary>
public sealed class ShippedCatalogueSearchTests
{
    private static readonly ContentSnapshot Shipped =
        new ContentLoader(new MarkdownRenderer()).Load(RepositoryPaths.Content, ContentSnapshot.Empty, DateTime.UtcNow);

    [Theory]
    // Without diacritics
    [InlineData("dang ky khai sinh", "1.001193")]
    [InlineData("dang ky ket hon", "1.000894")]
    [InlineData("khai tu", "1.000656")]
    [InlineData("dang ky thuong tru", "1.004222")]
    [InlineData("ho kinh doanh", "1.001612")]
    [InlineData("cap ban sao tu so goc", "2.000908")]
    [InlineData("chung thuc di chuc", "2.001019")]
    [InlineData("tu choi nhan di san", "2.001016")]
    [InlineData("nhap quoc tich", "2.002039")]
    [InlineData("thoi quoc tich", "2.002036")]
    [InlineData("tro lai quoc tich", "2.002038")]
    [InlineData("nguoi goc viet nam", "2.001895")]
    [InlineData("hop nhat cong ty luat", "1.002218")]
    [InlineData("sap nhap cong ty luat", "1.002234")]
    [InlineData("hiep thuong gia", "1.012735")]
    [InlineData("the tu van vien phap luat", "1.000426")]
    [InlineData("hanh nghe khoan nuoc duoi dat", "1.004122")]
    [InlineData("dang ky khai thac su dung nuoc mat", "1.011516")]
    [InlineData("phi bao ve moi truong khi thai", "1.013040")]
    [InlineData("le hoi cap xa", "1.003622")]
    [InlineData("giai the hop tac xa", "1.004982")]
    // With diacritics and in capitals
    [InlineData("Đăng ký khai sinh", "1.001193")]
    [InlineData("ĐĂNG KÝ KẾT HÔN", "1.000894")]
    [InlineData("Chứng thực văn bản từ chối nhận di sản", "2.001016")]
    [InlineData("Đăng ký thành lập hộ kinh doanh", "1.001612")]
    // Everyday words and synonyms
    [InlineData("làm giấy khai sinh", "1.001193")]
    [InlineData("giay khai sinh", "1.001193")]
    [InlineData("giấy chứng tử", "1.000656")]
    [InlineData("hộ khẩu", "1.004222")]
    [InlineData("mở cửa hàng", "1.001612")]
    [InlineData("khoan giếng", "1.004122")]
    [InlineData("lam giay ket hon", "1.000894")]
    [InlineData("thu tuc dang ky khai sinh o dau", "1.001193")]
    [InlineData("xin giấy phép khoan giếng", "1.004122")]
    // One typo in a word of five letters or more
    [InlineData("dang ky khai sinhh", "1.001193")]
    [InlineData("nhap quocc tich", "2.002039")]
    [InlineData("hiep thuongg gia", "1.012735")]
    [InlineData("chung thucc di chuc", "2.001019")]
    [InlineData("dang ky thuongg tru", "1.004222")]
    // Prefixes (the citizen has not finished typing)
    [InlineData("dang ky khai si", "1.001193")]
    [InlineData("hiep thu", "1.012735")]
    [InlineData("nhap quoc ti", "2.002039")]
    [InlineData("cap ban sao tu so g", "2.000908")]
    // Codes
    [InlineData("1.001193", "1.001193")]
    [InlineData("2.000908", "2.000908")]
    [InlineData("1.004222", "1.004222")]
    public void Query_finds_the_expected_procedure_first(string query, string expectedCode)
    {
        var result = Shipped.Procedures.Search.Search(query);

        Assert.True(result.Hits.Count > 0, $"nothing found for '{query}'");
        var top = result.Hits[0].Key;
        Assert.True(top == expectedCode,
            $"'{query}': expected {expectedCode} ({Shipped.Procedures.ByCode[expectedCode].Name}) first, got {top} ({Shipped.Procedures.ByCode[top].Name})");
    }

    [Fact]
    public void Shipped_catalogue_covers_eight_fields_and_every_level()
    {
        var all = Shipped.Procedures.All;

        Assert.True(all.Count >= 60);
        Assert.True(all.Select(procedure => procedure.Field).Distinct().Count() >= 8);
        Assert.Contains(all, procedure => procedure.Levels.Contains(DeployLevel.Province));
        Assert.Contains(all, procedure => procedure.Levels.Contains(DeployLevel.District));
        Assert.Contains(all, procedure => procedure.Levels.Contains(DeployLevel.Commune));
        Assert.All(all, procedure => Assert.False(string.IsNullOrWhiteSpace(procedure.PublishedBy)));
    }
}
