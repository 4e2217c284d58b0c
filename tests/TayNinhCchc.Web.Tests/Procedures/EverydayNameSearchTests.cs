using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Procedures;

namespace TayNinhCchc.Web.Tests.Procedures;

/// <summary>
/// The everyday names of content/tu-dong-nghia.yml find their procedure first in the shipped catalogue, and the
/// search behaviours issue 13 asks for hold: name above body, partial matches when no procedure holds every word,
/// typos in short Vietnamese syllables.
/// </summary>
public sealed class EverydayNameSearchTests
{
    private static readonly ContentSnapshot Shipped =
        new ContentLoader(new MarkdownRenderer()).Load(RepositoryPaths.Content, ContentSnapshot.Empty, DateTime.UtcNow);

    [Theory]
    [InlineData("làm giấy khai sinh", "1.001193")]
    [InlineData("lam giay khai sinh", "1.001193")]
    [InlineData("đăng ký khai sinh", "1.001193")]
    [InlineData("lý lịch tư pháp", "3.000333")]
    [InlineData("giấy phép xây dựng nhà ở riêng lẻ", "1.013225")]
    [InlineData("đăng ký tạm trú", "1.004194")]
    [InlineData("cấp lại căn cước", "1.014064")]
    [InlineData("mất căn cước", "1.014064")]
    [InlineData("tách hộ khẩu", "1.010038")]
    [InlineData("xác nhận độc thân", "1.004873")]
    [InlineData("đổi bằng lái xe", "3.000347")]
    [InlineData("rút bảo hiểm xã hội một lần", "1.001613")]
    [InlineData("đăng ký kết hôn", "1.000894")]
    [InlineData("đăng ký thường trú", "1.004222")]
    [InlineData("giấy chứng tử", "1.000656")]
    public void An_everyday_name_finds_its_procedure_first(string query, string expectedCode)
    {
        var hits = Shipped.Procedures.Search.Search(query, 3).Hits;

        Assert.True(hits.Count > 0, $"nothing found for '{query}'");
        Assert.True(hits[0].Key == expectedCode,
            $"'{query}': expected {expectedCode} ({Shipped.Procedures.ByCode[expectedCode].Name}) first, got {hits[0].Key} ({Shipped.Procedures.ByCode[hits[0].Key].Name})");
    }

    /// <summary>
    /// "Sổ đỏ" is the certificate, which several procedures issue (first issue for households, for organisations,
    /// renewal…): first comes one whose name is that certificate. (Which of them a citizen means is not in the two
    /// words; the household first issue, 1.013978, is not yet in the top 3 — see tests/bench/README.md.)
    /// </summary>
    [Theory]
    [InlineData("sổ đỏ")]
    [InlineData("so do")]
    [InlineData("làm sổ đỏ")]
    public void So_do_finds_the_land_use_certificate(string query)
    {
        var hits = Shipped.Procedures.Search.Search(query, 3).Hits;

        Assert.Contains("giấy chứng nhận quyền sử dụng đất", Shipped.Procedures.ByCode[hits[0].Key].Name, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_name_outranks_a_body_that_holds_the_same_words()
    {
        var top = Shipped.Procedures.Search.Search("đăng ký khai sinh", 5).Hits.Select(hit => Shipped.Procedures.ByCode[hit.Key]).ToList();

        Assert.All(top, procedure => Assert.Contains("khai sinh", procedure.Name, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("dang ky khai xinh", "khai sinh")] // initial x for s
    [InlineData("dang ki ket hon", "kết hôn")] // i for y
    [InlineData("ly lich tu phat", "lý lịch tư pháp")] // final t for p
    [InlineData("dang ky thuong chu", "thường trú")] // ch for tr
    public void A_misspelt_short_syllable_still_finds_the_procedure_meant(string query, string inName)
    {
        var hits = Shipped.Procedures.Search.Search(query, 3).Hits;

        Assert.NotEmpty(hits);
        Assert.Contains(inName, Shipped.Procedures.ByCode[hits[0].Key].Name, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Without_a_full_match_partial_matches_come_back_those_holding_more_words_first()
    {
        var index = new SearchIndex(
            [
                new SearchDocument("a", "Chứng thực chữ ký", "Chứng thực", string.Empty),
                new SearchDocument("b", "Chứng thực bản sao", "Chứng thực", string.Empty),
                new SearchDocument("c", "Cấp giấy phép lái xe", "Giao thông", string.Empty),
            ],
            [],
            []);

        var full = index.Search("chứng thực chữ ký");
        var partial = index.Search("chứng thực chữ ký máy bay");

        Assert.False(full.Partial);
        Assert.True(partial.Partial);
        Assert.Equal(["a", "b"], partial.Hits.Select(hit => hit.Key));
        Assert.Null(partial.Suggestion);
    }

    [Fact]
    public void A_sound_alike_syllable_brings_in_no_procedure_missing_the_other_words()
    {
        var index = new SearchIndex(
            [
                new SearchDocument("a", "Cấp bản sao", "Hộ tịch", string.Empty),
                new SearchDocument("b", "Bán đấu giá", "Tài sản", string.Empty),
                new SearchDocument("c", "Cấp bằng khen", "Thi đua", string.Empty),
            ],
            [],
            []);

        Assert.Equal(["a"], index.Search("ban sao").Hits.Select(hit => hit.Key));
    }
}
