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
        var result = Index.Search("dang ky khai sinh");
        var matched = result.MatchedWords(result.Hits[0]);

        Assert.Superset(new HashSet<string> { "dang", "ky", "khai", "sinh" }, new HashSet<string>(matched));
        Assert.Contains("khai", matched);
    }

    [Fact]
    public void Hits_carry_the_document_position_the_index_was_built_from()
    {
        var hit = Index.Search("ket hon").Hits[0];

        Assert.Equal(1, hit.Document);
        Assert.Equal("1.000894", hit.Key);
        Assert.Equal(1, Index.Search("1.000894").Hits[0].Document);
    }

    [Fact]
    public void Equal_scores_go_shorter_name_first_then_by_code()
    {
        var index = new SearchIndex(
            [
                new SearchDocument("3.000003", "Cấp phép khai thác cát sỏi", "Khoáng sản", ""),
                new SearchDocument("3.000002", "Cấp phép khai thác sét", "Khoáng sản", ""),
                new SearchDocument("3.000005", "Cấp phép khai thác đá", "Khoáng sản", ""),
                new SearchDocument("3.000001", "Cấp phép khai thác cát", "Khoáng sản", ""),
                new SearchDocument("3.000004", "Gia hạn giấy phép", "Khoáng sản", "khai thác"),
            ],
            [],
            []);

        var hits = index.Search("khai thac").Hits;

        Assert.Equal(["3.000005", "3.000001", "3.000002", "3.000003", "3.000004"], hits.Select(hit => hit.Key));
        Assert.Single(hits.Take(4).Select(hit => hit.Score).Distinct());
        Assert.True(hits[3].Score > hits[4].Score);
    }

    [Fact]
    public void A_question_word_adds_to_a_score_but_is_not_required()
    {
        SearchDocument[] documents =
        [
            new("1.000001", "Đăng ký khai sinh", "Hộ tịch", ""),
            new("1.000002", "Đăng ký khai sinh cho người đã có hồ sơ", "Hộ tịch", ""),
            new("1.000003", "Cấp giấy phép", "Khác", "khai sinh cho công dân"),
        ];
        var index = new SearchIndex(documents, [], [], ["cho", "con"]);

        var hits = index.Search("khai sinh cho con").Hits;

        // "con" is in no document and is not required; "cho" adds to the one that holds it; the prefix of "công" does not count.
        Assert.Equal(["1.000002", "1.000001", "1.000003"], hits.Select(hit => hit.Key));
        Assert.False(index.Search("khai sinh cho con").Partial);

        // Without soft words every word is required, and only the body that holds "cho" and "công" qualifies in full.
        Assert.Equal("1.000003", new SearchIndex(documents, [], []).Search("khai sinh cho con").Hits[0].Key);
    }

    [Theory]
    [InlineData("ho tich", 1)]
    [InlineData("ho tich", 2)]
    [InlineData("cap", 1)]
    [InlineData("dang ky", 2)]
    [InlineData("uy ban", 2)]
    public void A_limit_keeps_the_best_hits_in_the_same_order(string query, int limit)
    {
        var all = Index.Search(query).Hits;

        var best = Index.Search(query, limit).Hits;

        Assert.True(all.Count > limit);
        Assert.Equal(all.Take(limit), best);
    }

    [Fact]
    public void Matched_words_are_worked_out_for_any_hit_of_the_result()
    {
        var result = Index.Search("uy ban");

        Assert.All(result.Hits, hit => Assert.Equal(new HashSet<string> { "uy", "ban" }, new HashSet<string>(result.MatchedWords(hit))));
        Assert.Empty(Index.Search("2.000815").MatchedWords(Index.Search("2.000815").Hits[0]));
    }

    [Fact]
    public void Repeated_and_interleaved_queries_give_the_same_answers()
    {
        var first = Index.Search("dang ky").Hits.ToList();

        _ = Index.Search("chung thuc ban sao");
        _ = Index.Search("xyz");
        Parallel.For(0, 200, i => Assert.NotEmpty(Index.Search(i % 2 == 0 ? "hộ tịch" : "giấy phép").Hits));

        Assert.Equal(first, Index.Search("dang ky").Hits);
    }

    private static readonly SearchIndex SoDoIndex = new(
        [
            new SearchDocument("4.000001", "Cấp Phiếu lý lịch tư pháp số 2 do bị mất", "Tư pháp", ""),
            new SearchDocument("4.000002", "Cấp giấy chứng nhận quyền sử dụng đất lần đầu", "Đất đai", ""),
            new SearchDocument("4.000003", "Sáp nhập trường cơ sở do thay đổi", "Giáo dục", ""),
        ],
        [new SynonymGroup(["sổ đỏ", "giấy chứng nhận quyền sử dụng đất"])],
        []);

    [Fact]
    public void A_synonym_phrase_in_the_name_counts_as_the_phrase_typed()
    {
        var hits = SoDoIndex.Search("so do").Hits;

        // All match fully in the name; only 4.000002 holds one of the group's phrases as a phrase, and the longer one.
        Assert.Equal("4.000002", hits[0].Key);
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public void A_short_synonym_phrase_in_the_name_does_not_outweigh_the_longer_phrase_typed()
    {
        var hits = SoDoIndex.Search("giấy chứng nhận quyền sử dụng đất").Hits;

        Assert.Equal("4.000002", hits[0].Key);
        Assert.True(hits[0].Score > hits.Single(hit => hit.Key == "4.000003").Score);
    }
}
