using TayNinhCchc.Web.Procedures;

namespace TayNinhCchc.Web.Tests.Procedures;

public sealed class SearchIndexTests
{
    private static readonly SearchIndex Index = new(
        [
            new SearchDocument("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch", "Ủy ban nhân dân cấp xã"),
            new SearchDocument("1.000894", "Thủ tục đăng ký kết hôn", "Hộ tịch", "Ủy ban nhân dân cấp xã"),
            new SearchDocument("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Chứng thực", "Ủy ban nhân dân cấp xã"),
            new SearchDocument("1.004122", "Cấp giấy phép hành nghề khoan nước dưới đất", "Tài nguyên nước", "Sở Nông nghiệp và Môi trường"),
            new SearchDocument("9.000001", "Cấp đổi giấy chứng nhận quyền sử dụng đất", "Đất đai", "Văn phòng đăng ký đất đai"),
            new SearchDocument("9.000002", "Đăng ký thường trú", "Cư trú", "Công an cấp xã; hộ tịch không liên quan"),
        ],
        [
            new SynonymGroup(["sổ đỏ", "giấy chứng nhận quyền sử dụng đất"]),
            new SynonymGroup(["giấy khai sinh", "đăng ký khai sinh"]),
            new SynonymGroup(["hộ khẩu", "thường trú"]),
        ],
        ["thủ tục", "làm"]);

    [Theory]
    [InlineData("đăng ký khai sinh", "1.001193")]
    [InlineData("dang ky khai sinh", "1.001193")]
    [InlineData("DANG KY KHAI SINH", "1.001193")]
    [InlineData("làm giấy khai sinh", "1.001193")]
    [InlineData("khai sin", "1.001193")]
    [InlineData("ket hon", "1.000894")]
    [InlineData("sổ đỏ", "9.000001")]
    [InlineData("so do", "9.000001")]
    [InlineData("chung thuc ban sao", "2.000815")]
    [InlineData("chúng thực", "2.000815")]
    [InlineData("khoang nuoc", "1.004122")]
    [InlineData("hộ khẩu", "9.000002")]
    [InlineData("dat dai", "9.000001")]
    public void Finds_what_citizens_type(string query, string expected)
    {
        var result = Index.Search(query);

        Assert.NotEmpty(result.Hits);
        Assert.Equal(expected, result.Hits[0].Key);
    }

    [Fact]
    public void An_exact_code_goes_straight_to_its_procedure()
    {
        var result = Index.Search(" 1.004122 ");

        Assert.Equal("1.004122", result.ExactCode);
    }

    [Fact]
    public void Name_matches_rank_above_field_and_body_matches()
    {
        var keys = Index.Search("hộ tịch").Hits.Select(hit => hit.Key).ToList();

        // Both hộ tịch procedures match on the field; the one that only mentions it in its body comes last.
        Assert.Equal("9.000002", keys[^1]);
        Assert.Equal(3, keys.Count);
    }

    [Fact]
    public void Typos_are_forgiven_only_in_long_words()
    {
        Assert.NotEmpty(Index.Search("chứng thưc").Hits);
        Assert.Empty(Index.Search("xyz").Hits);
    }

    [Fact]
    public void Nothing_found_gives_a_suggestion()
    {
        var result = Index.Search("chuuung thuuuc");

        Assert.Empty(result.Hits);
        Assert.Equal("chung thuc", result.Suggestion);
    }

    [Fact]
    public void Matched_words_are_reported_for_highlighting()
    {
        var hit = Index.Search("dang ky khai sinh").Hits[0];

        Assert.Superset(new HashSet<string> { "dang", "ky", "khai", "sinh" }, new HashSet<string>(hit.MatchedWords));
        Assert.Contains("khai", hit.MatchedWords);
    }
}
