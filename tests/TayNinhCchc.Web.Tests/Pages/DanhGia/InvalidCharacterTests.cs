using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Infrastructure;

namespace TayNinhCchc.Web.Tests.Pages.DanhGia;

/// <summary>
/// Characters no one types — a NUL byte, other control characters, a lone surrogate, noncharacters, U+FFFD — anywhere
/// in the survey form (defect 8): the form comes back with the answers, a Vietnamese message naming the field, the
/// field shown without the character, and nothing stored. Never an empty 400.
/// </summary>
public sealed class InvalidCharacterTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        (string Name, string Text)[] characters =
        [
            ("NUL", "\0"),
            ("SOH", "\u0001"),
            ("escape", "\u001B"),
            ("DEL", "\u007F"),
            ("C1 control", "\u0085"),
            ("lone high surrogate", "\uD800"),
            ("lone low surrogate", "\uDC00"),
            ("noncharacter U+FFFF", "\uFFFF"),
            ("noncharacter U+FDD0", "\uFDD0"),
            ("replacement character", "\uFFFD"),
        ];
        (string Field, string Value, string Id, string Label)[] fields =
        [
            ("Input.Comment", "Cán bộ{0} tận tình", "comment", "«Góp ý»"),
            ("Input.Dossier", "000.00.19.H57{0}-261128-0001", "dossier", "«Mã hồ sơ»"),
            ("Input.Procedure", "1.001193{0}", "procedure", "«Mã thủ tục hành chính»"),
            ("Input.Agency", "so-tu-phap{0}", "agency", "«Cơ quan giải quyết hồ sơ»"),
            ("Input.Answers[chi-so-1]", "2{0}", "tieu-chi-chi-so-1", "«Câu trả lời cho câu"),
            ("Input.Channel", "truc-tiep{0}", "channel", "«Cách nộp hồ sơ»"),
            ("Input.Consent", "dong-y{0}", "consent", "«Đồng ý xử lý dữ liệu cá nhân»"),
        ];
        foreach (var (name, text) in characters)
        {
            foreach (var (field, value, id, label) in fields)
            {
                data.Add($"{name} in {field}", field, string.Format(System.Globalization.CultureInfo.InvariantCulture, value, text), $"{id}|{label}");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_form_comes_back_naming_the_field_and_nothing_is_stored(string name, string field, string value, string expected)
    {
        var (id, label) = (expected.Split('|')[0], expected.Split('|')[1]);
        var client = portal.CreatePortalClient();
        var before = await CountAsync();

        using var response = await (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid)
            .Set("Input.Comment", "Góp ý giữ nguyên")
            .Set(field, value)
            .PostAsync(client);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode}");
        var errors = await SurveyForm.ErrorsAsync(response);
        var error = Assert.Single(errors, error => error.Target == id);
        Assert.StartsWith(label, error.Message, StringComparison.Ordinal);
        Assert.Contains("ký tự không hợp lệ", error.Message, StringComparison.Ordinal);
        var page = await Html.ParseAsync(response);
        Assert.Equal("so-tu-phap", page.QuerySelector("#agency option[selected]")?.GetAttribute("value"));
        if (field == "Input.Comment")
        {
            Assert.Equal("Cán bộ tận tình", page.QuerySelector("#comment")?.TextContent);
        }
        else
        {
            Assert.Equal("Góp ý giữ nguyên", page.QuerySelector("#comment")?.TextContent);
        }

        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("Input.Comment=abc%00def", "comment")]
    [InlineData("Input.Comment=abc\0def", "comment")]
    [InlineData("Input.Dossier=HS%00-1&Input.Comment=%00", "dossier")]
    public async Task A_raw_body_with_a_nul_byte_gets_the_form_not_an_empty_400(string rawFields, string id)
    {
        var client = portal.CreatePortalClient();
        var before = await CountAsync();
        var token = (await client.GetDocumentAsync("/danh-gia")).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value");
        using var body = new ByteArrayContent(Encoding.UTF8.GetBytes($"__RequestVerificationToken={Uri.EscapeDataString(token!)}&Input.Version=tt01-2018-v1&Input.Agency=so-tu-phap&{rawFields}"));
        body.Headers.ContentType = new("application/x-www-form-urlencoded");

        using var response = await client.PostAsync(new Uri("/danh-gia", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(await SurveyForm.ErrorsAsync(response), error => error.Target == id && error.Message.Contains("ký tự không hợp lệ", StringComparison.Ordinal));
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("Cán bộ tận tình\r\nCảm ơn\tnhiều", true)]
    [InlineData("Hồ sơ 😀 xong đúng hẹn", true)]
    [InlineData("Full-width ０９１２ and Arabic-Indic ٠١٢", true)]
    [InlineData("a\0b", false)]
    [InlineData("a\uD83Db", false)]
    [InlineData("a\u200Bb", true)]
    public void Text_people_type_is_valid_and_what_no_one_types_is_not(string text, bool valid)
    {
        Assert.Equal(!valid, FormText.HasInvalidCharacters(text));
        Assert.False(FormText.HasInvalidCharacters(FormText.Clean(text)));
    }

    private async Task<int> CountAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Ratings.CountAsync();
    }
}
