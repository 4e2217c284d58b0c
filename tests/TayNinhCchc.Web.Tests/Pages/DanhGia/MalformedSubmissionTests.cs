using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.Tests.Pages.DanhGia;

/// <summary>
/// A corpus of hostile or broken submissions. Each must end in a 4xx or a Vietnamese message on the form — never a
/// 500 — and store nothing.
/// </summary>
public sealed class MalformedSubmissionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly string TenKilobytes = new('x', 10 * 1024);
    private const string Script = "<script>alert(1)</script>";
    private const string Sql = "'; DROP TABLE \"Ratings\"; --";

    public static TheoryData<string, string, string?> Corpus()
    {
        var data = new TheoryData<string, string, string?>();
        void Add(string name, string field, string? value) => data.Add(name, field, value);

        // Agency
        Add("agency unknown", "Input.Agency", "so-khong-ton-tai");
        Add("agency empty", "Input.Agency", "");
        Add("agency whitespace", "Input.Agency", "   ");
        Add("agency SQL", "Input.Agency", Sql);
        Add("agency script", "Input.Agency", Script);
        Add("agency 10 KB", "Input.Agency", TenKilobytes);
        Add("agency group code", "Input.Agency", "cac-so-nganh");
        Add("agency ended in 2025", "Input.Agency", "ubnd-tinh");
        Add("agency upper case", "Input.Agency", "SO-TU-PHAP");
        Add("agency null byte", "Input.Agency", "so-tu-phap\0");
        // Channel
        Add("channel unknown", "Input.Channel", "fax");
        Add("channel number", "Input.Channel", "1");
        Add("channel script", "Input.Channel", Script);
        Add("channel missing", "Input.Channel", null);
        // Answers
        Add("answer out of range", "Input.Answers[tong-the]", "9");
        Add("answer negative", "Input.Answers[tong-the]", "-1");
        Add("answer decimal", "Input.Answers[chi-so-1]", "1.5");
        Add("answer text", "Input.Answers[chi-so-1]", "hai");
        Add("answer full-width digit", "Input.Answers[chi-so-1]", "２");
        Add("answer SQL", "Input.Answers[chi-so-1]", "2 OR 1=1");
        Add("answer script", "Input.Answers[thuan-tien]", Script);
        Add("answer huge number", "Input.Answers[thuan-tien]", "99999999999999999999");
        Add("answer 10 KB", "Input.Answers[thuan-tien]", TenKilobytes);
        Add("answer zero where scale starts at 1", "Input.Answers[tong-the]", "0");
        Add("answer with plus sign", "Input.Answers[chi-so-2]", "+2");
        Add("answer hex", "Input.Answers[chi-so-2]", "0x2");
        Add("unknown criterion", "Input.Answers[chi-so-10]", "2");
        Add("unknown criterion SQL name", $"Input.Answers[{Sql}]", "2");
        Add("reason for unknown criterion", "Input.Reasons[khong-co]", "lý do");
        Add("required answer missing", "Input.Answers[chi-so-7]", null);
        // Reasons and comment
        Add("reason too long", "Input.Reasons[tong-the]", new string('a', 501));
        Add("reason 10 KB", "Input.Reasons[tong-the]", TenKilobytes);
        Add("comment 1001 characters", "Input.Comment", new string('b', 1001));
        Add("comment 10 KB", "Input.Comment", TenKilobytes);
        Add("comment 10 KB of Vietnamese", "Input.Comment", string.Concat(Enumerable.Repeat("Đánh giá ", 1200)));
        // Dossier and procedure
        Add("dossier with diacritics", "Input.Dossier", "hồ-sơ-001");
        Add("dossier script", "Input.Dossier", Script);
        Add("dossier SQL", "Input.Dossier", Sql);
        Add("dossier too long", "Input.Dossier", new string('1', 51));
        Add("dossier only separators", "Input.Dossier", "--..//");
        Add("dossier emoji", "Input.Dossier", "HS-😀-1");
        Add("procedure unknown", "Input.Procedure", "9.999999");
        Add("procedure SQL", "Input.Procedure", Sql);
        Add("procedure script", "Input.Procedure", Script);
        Add("procedure 10 KB", "Input.Procedure", TenKilobytes);
        // Version and consent
        Add("version unknown", "Input.Version", "v-khong-co");
        Add("version missing", "Input.Version", null);
        Add("version SQL", "Input.Version", Sql);
        Add("consent wrong value", "Input.Consent", "yes");
        Add("consent missing", "Input.Consent", null);
        // Antiforgery
        Add("token missing", "__RequestVerificationToken", null);
        Add("token forged", "__RequestVerificationToken", "CfDJ8-forged-token");
        Add("token empty", "__RequestVerificationToken", "");
        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Malformed_submission_is_refused_with_a_4xx_or_a_message_and_stores_nothing(string name, string field, string? value)
    {
        var client = portal.CreatePortalClient();
        var before = await CountAsync();
        var form = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).Set(field, value);
        if (field == "Input.Reasons[tong-the]")
        {
            form.Set("Input.Answers[tong-the]", "1");
        }

        using var response = await form.PostAsync(client);

        Assert.True(response.StatusCode is HttpStatusCode.OK or (>= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError),
            $"{name}: status {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var errors = await SurveyForm.ErrorsAsync(response);
            Assert.True(errors.Count > 0, $"{name}: no error message");
            Assert.All(errors, error => Assert.Matches(@"[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", error.Message));
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
        }

        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("Input.Agency=%FF%FE%FD")]
    [InlineData("Input.Comment=%C3%28%A0%A1&Input.Agency=so-tu-phap")]
    [InlineData("Input.Answers%5Btong-the%5D=%ED%A0%80")]
    public async Task Broken_utf8_is_refused_without_a_server_error(string rawFields)
    {
        var client = portal.CreatePortalClient();
        var before = await CountAsync();
        var token = (await client.GetDocumentAsync("/danh-gia")).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value");
        using var body = new StringContent($"__RequestVerificationToken={Uri.EscapeDataString(token!)}&Input.Version=tt01-2018-v1&{rawFields}", Encoding.ASCII, "application/x-www-form-urlencoded");

        using var response = await client.PostAsync(new Uri("/danh-gia", UriKind.Relative), body);

        Assert.True(response.StatusCode is HttpStatusCode.OK or (>= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError), $"status {(int)response.StatusCode}");
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public void The_corpus_has_at_least_fifty_cases() => Assert.True(Corpus().Count + 3 >= 50);

    private async Task<int> CountAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Ratings.CountAsync();
    }
}
