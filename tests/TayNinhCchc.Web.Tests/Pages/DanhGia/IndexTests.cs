using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.Tests.Pages.DanhGia;

/// <summary>The citizen's survey form through real HTTP: antiforgery, validation in Vietnamese, storage.</summary>
public sealed class IndexTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly HttpClient client = portal.CreatePortalClient();

    [Fact]
    public async Task Form_shows_every_criterion_grouped_agencies_and_the_privacy_notice()
    {
        var document = await client.GetDocumentAsync("/danh-gia");

        Assert.Equal("Đánh giá mức độ hài lòng", document.Text("h1"));
        var legends = document.QuerySelectorAll("form legend").Select(legend => legend.TextContent.Trim()).ToList();
        Assert.Equal(12, legends.Count); // channel + 11 criteria
        Assert.Contains(legends, legend => legend.StartsWith("11. Đánh giá tổng thể dịch vụ", StringComparison.Ordinal));
        Assert.Contains(legends, legend => legend.Contains("(không bắt buộc)", StringComparison.Ordinal));
        Assert.Equal(3, document.QuerySelectorAll("input[name='Input.Answers[tong-the]']").Length);

        var groups = document.QuerySelectorAll("#agency optgroup").Select(group => group.GetAttribute("label")).ToList();
        Assert.Equal(["Cấp tỉnh (sở, ban, ngành, Trung tâm Phục vụ hành chính công tỉnh)", "Cấp xã (xã, phường)", "Cơ quan ngành dọc"], groups);
        var agencies = document.QuerySelectorAll("#agency option").Select(option => option.GetAttribute("value")).ToList();
        Assert.Contains("so-tu-phap", agencies);
        Assert.Contains("phuong-long-hoa", agencies);
        Assert.Contains("thue-tinh-tay-ninh", agencies);
        Assert.Equal(1 + 14 + 1 + 96 + 1, agencies.Count); // "Chọn cơ quan", 14 departments, the centre, 96 communes, Thuế tỉnh
        Assert.DoesNotContain("ubnd-huyen-go-dau", agencies); // district level ended on 30/6/2025
        Assert.DoesNotContain("so-tai-nguyen-va-moi-truong", agencies); // merged in 2025
        Assert.DoesNotContain("ubnd-tinh", agencies);
        Assert.DoesNotContain("ubnd-tinh-tay-ninh-2025", agencies); // dossiers go to the centre, not to UBND tỉnh itself
        Assert.DoesNotContain("hdnd-tinh", agencies); // elected body: never receives a dossier

        var privacy = document.Text(".privacy");
        Assert.Contains("Nghị định 13/2023/NĐ-CP", privacy, StringComparison.Ordinal);
        Assert.Contains("24 tháng", privacy, StringComparison.Ordinal);
        Assert.Contains("Chưa đối chiếu với văn bản gốc", document.Text("#ve-bo-cau-hoi"), StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("form input[name='__RequestVerificationToken']"));
    }

    [Fact]
    public async Task Blank_forms_share_the_questions_markup_until_the_content_is_edited()
    {
        // Arrange: a copy of the shipped content whose criteria file can be edited.
        using var folder = new Content.ContentFolder();
        var criteria = File.ReadAllText(Path.Combine(RepositoryPaths.Content, "danh-gia", "tieu-chi-nd118-2025.yml"));
        folder.Write("danh-gia/tieu-chi-nd118-2025.yml", criteria);
        using var edited = PortalFactory.ForContent(folder.Root);
        using var citizen = edited.CreatePortalClient();
        const string Before = "Tổng thời gian giải quyết thủ tục hành chính so với thời gian cho phép theo quy định của pháp luật";
        const string After = "Tổng thời gian giải quyết hồ sơ so với thời gian cho phép theo quy định";

        // Act
        var first = await citizen.GetDocumentAsync("/danh-gia");
        var second = await citizen.GetDocumentAsync("/danh-gia");
        folder.Write("danh-gia/tieu-chi-nd118-2025.yml", criteria.Replace(Before, After, StringComparison.Ordinal));
        edited.Services.GetRequiredService<Web.Content.ContentLibrary>().Reload();
        var third = await citizen.GetDocumentAsync("/danh-gia");

        // Assert
        static string Questions(AngleSharp.Dom.IDocument document) =>
            string.Concat(document.QuerySelectorAll("form fieldset").Skip(1).Select(fieldset => fieldset.OuterHtml));
        Assert.Contains(Before, Questions(first), StringComparison.Ordinal);
        Assert.Equal(Questions(first), Questions(second));
        Assert.Contains(After, Questions(third), StringComparison.Ordinal);
        Assert.DoesNotContain(Before, Questions(third), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Procedure_and_agency_are_prefilled_from_the_address()
    {
        var document = await client.GetDocumentAsync("/danh-gia?co-quan=so-tu-phap&thu-tuc=1.001193");

        Assert.Equal("1.001193", ((IHtmlInputElement)document.QuerySelector("#procedure")!).Value);
        Assert.Contains("Thủ tục đăng ký khai sinh", document.Text("#procedure-hint"), StringComparison.Ordinal);
        Assert.Equal("so-tu-phap", ((IHtmlSelectElement)document.QuerySelector("#agency")!).Value);
    }

    [Fact]
    public async Task A_valid_rating_is_stored_with_its_answers_and_tallies_and_the_receipt_is_shown()
    {
        var before = await CountAsync();
        var form = (await SurveyForm.OpenAsync(client, "/danh-gia?thu-tuc=1.001193")).With(SurveyForm.Valid).Set("Input.Dossier", "000.00.19.H57-261128-0001");

        using var response = await form.PostAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/danh-gia/cam-on?so=DG-", location, StringComparison.Ordinal);
        var receipt = location["/danh-gia/cam-on?so=".Length..];

        var thanks = await client.GetDocumentAsync(location);
        Assert.Equal(receipt, thanks.Text("#so-bien-nhan"));
        Assert.Contains("Sở Tư pháp", thanks.Text("main"), StringComparison.Ordinal);

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var rating = await db.Ratings.Include(r => r.Answers).SingleAsync(r => r.ReceiptNumber == receipt);
        Assert.Equal("so-tu-phap", rating.AgencyCode);
        Assert.Equal("1.001193", rating.ProcedureCode);
        Assert.Equal(8, rating.Answers.Count);
        Assert.Equal("nd118-2025-v1", rating.CriteriaVersion); // the set in force on 28/11/2026
        Assert.NotNull(rating.DossierHash);
        Assert.Equal(32, rating.DossierHash!.Length);
        Assert.True(rating.CountsInStatistics);
        Assert.Equal(before + 1, await CountAsync());
        Assert.True(await db.RatingTallies.AnyAsync(t => t.AgencyCode == "so-tu-phap" && t.ProcedureCode == "1.001193" && t.Ratings >= 1 && t.Satisfied >= 1));
        Assert.True(await db.CriteriaVersions.AnyAsync(v => v.Version == "nd118-2025-v1"));
    }

    public static TheoryData<string, string, string> MissingFields => new()
    {
        { "Input.Agency", "agency", "Chọn cơ quan đã giải quyết hồ sơ của bạn." },
        { "Input.Channel", "channel", "Chọn cách bạn đã nộp hồ sơ." },
        { "Input.Answers[chi-so-1]", "tieu-chi-chi-so-1", "Chọn một câu trả lời cho «Tổng thời gian giải quyết thủ tục hành chính" },
        { "Input.Answers[thuan-tien]", "tieu-chi-thuan-tien", "Chọn một câu trả lời cho «Mức độ thuận tiện" },
        { "Input.Answers[tong-the]", "tieu-chi-tong-the", "Chọn một câu trả lời cho «Đánh giá tổng thể dịch vụ»." },
        { "Input.Consent", "consent", "Đánh dấu vào ô đồng ý" },
    };

    [Theory]
    [MemberData(nameof(MissingFields))]
    public async Task A_missing_answer_is_named_in_the_summary_and_inline_and_the_other_answers_are_kept(string field, string target, string message)
    {
        var before = await CountAsync();
        var form = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).Set(field, null).Set("Input.Comment", "Góp ý được giữ lại");

        using var response = await form.PostAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.StartsWith("Lỗi: ", document.Title, StringComparison.Ordinal);
        var errors = document.QuerySelectorAll(".error-summary__list a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();
        var (href, text) = Assert.Single(errors);
        Assert.Equal("#" + target, href);
        Assert.StartsWith(message, text, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("#" + target));
        Assert.Contains(message, document.QuerySelector($".form-group--error .error-message")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Góp ý được giữ lại", document.QuerySelector("#comment")!.TextContent);
        Assert.True(((IHtmlInputElement)document.QuerySelector("input[name='Input.Answers[chi-so-2]'][value='2']")!).IsChecked);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Not_satisfied_requires_a_reason_which_is_stored_masked()
    {
        var form = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).Set("Input.Answers[tong-the]", "1");
        using var refused = await form.PostAsync(client);
        var (target, message) = Assert.Single(await SurveyForm.ErrorsAsync(refused));
        Assert.Equal("ly-do-tong-the", target);
        Assert.Equal("Cho biết lý do bạn chọn «Không hài lòng» ở câu «Đánh giá tổng thể dịch vụ».", message);

        form = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid)
            .Set("Input.Answers[tong-the]", "1")
            .Set("Input.Reasons[tong-the]", "Phải đi lại ba lần, gọi 0912 345 678 không ai nghe")
            .Set("Input.Comment", "Email tôi: nguyen.van.a@example.vn, CCCD 072123456789, CMND 290123456");
        using var saved = await form.PostAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var receipt = saved.Headers.Location!.ToString().Split("so=")[1];
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var rating = await db.Ratings.Include(r => r.Answers).SingleAsync(r => r.ReceiptNumber == receipt);
        Assert.Equal("Phải đi lại ba lần, gọi [đã ẩn số điện thoại] không ai nghe", rating.Answers.Single(a => a.CriterionCode == "tong-the").Reason);
        Assert.Equal("Email tôi: [đã ẩn email], CCCD [đã ẩn số CCCD/CMND], CMND [đã ẩn số CCCD/CMND]", rating.Comment);
        Assert.Equal(TayNinhCchc.Web.Survey.CommentState.New, rating.CommentState);
    }

    [Fact]
    public async Task A_dossier_is_rated_once_whatever_its_spacing_or_case()
    {
        var first = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).Set("Input.Dossier", "000.00.19.h57-261128-0099");
        using var saved = await first.PostAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var before = await CountAsync();

        var second = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).Set("Input.Dossier", " 000 00 19 H57 261128 0099 ");
        using var refused = await second.PostAsync(client);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal([("dossier", "Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.")], await SurveyForm.ErrorsAsync(refused));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task An_agency_that_no_longer_exists_is_refused()
    {
        var form = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).Set("Input.Agency", "ubnd-huyen-go-dau");
        using var response = await form.PostAsync(client);
        Assert.Equal([("agency", "Cơ quan đã chọn không có trong danh sách cơ quan hiện hành. Chọn lại cơ quan.")], await SurveyForm.ErrorsAsync(response));
    }

    [Fact]
    public async Task A_form_shown_with_an_older_criteria_version_must_be_answered_again()
    {
        var form = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).Set("Input.Version", "tt01-2018-v0");
        using var response = await form.PostAsync(client);
        var errors = await SurveyForm.ErrorsAsync(response);
        Assert.Contains(errors, error => error.Message == "Bộ câu hỏi vừa được cập nhật. Vui lòng xem lại và trả lời các câu hỏi bên dưới.");
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_rejected_and_nothing_is_stored()
    {
        var before = await CountAsync();
        var form = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).Set("__RequestVerificationToken", null);
        using var response = await form.PostAsync(client);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Receipt_page_is_404_for_an_unknown_number()
    {
        using var response = await client.GetAsync(new Uri("/danh-gia/cam-on?so=DG-0000-0000", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<int> CountAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Ratings.CountAsync();
    }
}
