using System.Net;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Survey;
using TayNinhCchc.Web.Tests.Pages.QuanTri;

namespace TayNinhCchc.Web.Tests.Pages.DanhGia;

/// <summary>
/// What a citizen types is normalised before it is checked or stored, through the real form: other digits and dashes
/// are the same number or dossier code, and length limits apply to the masked text that is stored.
/// </summary>
public sealed class NormalisedSubmissionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly HttpClient client = portal.CreatePortalClient();

    [Fact]
    public async Task Numbers_in_full_width_or_arabic_indic_digits_are_stored_masked()
    {
        var form = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid)
            .Set("Input.Comment", "Gọi ０９１２３４５６７８ hoặc ٠٩١٢–٣٤٥–٦٧٨, CCCD 0721\n2345\n6789");

        using var response = await form.PostAsync(client);

        var rating = await StoredAsync(response);
        Assert.Equal("Gọi [đã ẩn số điện thoại] hoặc [đã ẩn số điện thoại], CCCD [đã ẩn số CCCD/CMND]", rating.Comment);
    }

    [Fact]
    public async Task A_comment_that_fits_as_typed_but_not_once_masked_is_refused_naming_the_field()
    {
        // 100 nine-digit numbers: 999 characters typed, about 2,000 once each became "[đã ẩn số CCCD/CMND]".
        var comment = string.Join(' ', Enumerable.Range(0, 100).Select(i => (123456700 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(comment.Length <= Rating.MaxCommentLength);
        var before = await portal.QueryAsync(db => db.Ratings.CountAsync());
        var form = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).Set("Input.Comment", comment);

        using var response = await form.PostAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (target, message) = Assert.Single(await SurveyForm.ErrorsAsync(response));
        Assert.Equal("comment", target);
        Assert.StartsWith("Góp ý dài 2.099 ký tự khi lưu", message, StringComparison.Ordinal);
        Assert.Contains("tối đa 1.000 ký tự", message, StringComparison.Ordinal);
        Assert.Equal(before, await portal.QueryAsync(db => db.Ratings.CountAsync()));
    }

    [Fact]
    public async Task A_reason_that_grows_past_its_limit_once_masked_is_refused_naming_the_field()
    {
        // 50 nine-digit numbers: 499 characters typed, the reason's limit is 500.
        var reason = string.Join(' ', Enumerable.Range(0, 50).Select(i => (223456700 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var form = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid)
            .Set("Input.Answers[tong-the]", "1")
            .Set("Input.Reasons[tong-the]", reason);

        using var response = await form.PostAsync(client);

        var (target, message) = Assert.Single(await SurveyForm.ErrorsAsync(response));
        Assert.Equal("ly-do-tong-the", target);
        Assert.Contains("khi lưu", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dossier_code_typed_with_an_en_dash_or_full_width_is_accepted_and_is_the_same_dossier()
    {
        var first = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).Set("Input.Dossier", "ABC–123");
        using var saved = await first.PostAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var before = await portal.QueryAsync(db => db.Ratings.CountAsync());

        foreach (var typed in new[] { "ＡＢＣ－１２３", "abc-123", "ABC−١٢٣" })
        {
            var again = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).Set("Input.Dossier", typed);
            using var refused = await again.PostAsync(client);

            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Equal([("dossier", "Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.")], await SurveyForm.ErrorsAsync(refused));
        }

        Assert.Equal(before, await portal.QueryAsync(db => db.Ratings.CountAsync()));
    }

    private async Task<Rating> StoredAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var receipt = response.Location()!.Split("so=")[1];
        return await portal.QueryAsync(db => db.Ratings.AsNoTracking().SingleAsync(rating => rating.ReceiptNumber == receipt));
    }
}
