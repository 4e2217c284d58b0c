using System.Net;
using Microsoft.EntityFrameworkCore;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Data;
using TayNinhCchc.Web.Tests.Content;
using TayNinhCchc.Web.Tests.Pages.DanhGia;

namespace TayNinhCchc.Web.Tests.Survey;

/// <summary>A criteria version that has answers is frozen: editing its file cannot change what old answers meant.</summary>
public sealed class CriteriaFreezeTests : IDisposable
{
    private readonly ContentFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Editing_an_answered_version_keeps_the_frozen_definition_in_force()
    {
        var shipped = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Content, "danh-gia", "tieu-chi-nd118-2025.yml"));
        folder.Write("danh-gia/tieu-chi.yml", shipped);
        using var portal = PortalFactory.ForContent(folder.Root, watchContent: true);
        var client = portal.CreatePortalClient();

        // Not answered yet: an edit shows up on the form.
        folder.Write("danh-gia/tieu-chi.yml", shipped.Replace("title: \"Đánh giá tổng thể dịch vụ\"", "title: \"Đánh giá chung\"", StringComparison.Ordinal));
        await WaitForReloadAsync(portal, snapshot => snapshot.CriteriaSets.Single().Overall.Title == "Đánh giá chung");
        Assert.Contains("Đánh giá chung", await LegendsAsync(client), StringComparison.Ordinal);

        var form = (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).Set("Input.Agency", "so-noi-vu");
        using var saved = await form.PostAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // Answered: a later edit of the same version is not used.
        folder.Write("danh-gia/tieu-chi.yml", shipped.Replace("title: \"Đánh giá tổng thể dịch vụ\"", "title: \"Câu hỏi đã bị sửa\"", StringComparison.Ordinal));
        await WaitForReloadAsync(portal, snapshot => snapshot.CriteriaSets.Single().Overall.Title == "Câu hỏi đã bị sửa");

        var legends = await LegendsAsync(client);
        Assert.Contains("Đánh giá chung", legends, StringComparison.Ordinal);
        Assert.DoesNotContain("Câu hỏi đã bị sửa", legends, StringComparison.Ordinal);

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var frozen = await db.CriteriaVersions.SingleAsync();
        Assert.Equal("nd118-2025-v1", frozen.Version);
        Assert.Contains("Đánh giá chung", frozen.Definition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_version_applies_from_its_date_and_old_answers_keep_theirs()
    {
        var shipped = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Content, "danh-gia", "tieu-chi-nd118-2025.yml"));
        folder.Write("danh-gia/v1.yml", shipped.Replace("valid_from: 2025-07-01", "valid_from: 2025-07-01\nvalid_to: 2026-11-30", StringComparison.Ordinal));
        folder.Write("danh-gia/v2.yml", CriteriaReaderTests.FiveLevelSet.Replace("valid_from: 2026-01-01", "valid_from: 2026-12-01", StringComparison.Ordinal));
        using var portal = PortalFactory.ForContent(folder.Root, now: new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));
        var client = portal.CreatePortalClient();

        using (var first = await (await SurveyForm.OpenAsync(client)).With(SurveyForm.Valid).Set("Input.Agency", "so-noi-vu").PostAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        portal.Time.Advance(TimeSpan.FromDays(1)); // 01/12/2026 in Vietnam
        var form = (await SurveyForm.OpenAsync(client))
            .Set("Input.Agency", "so-noi-vu").Set("Input.Channel", "truc-tuyen").Set("Input.Consent", "dong-y")
            .Set("Input.Answers[so-lan-di-lai]", "0").Set("Input.Answers[tong-the]", "4");
        using (var second = await form.PostAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(["nd118-2025-v1", "thu-5-muc"], await db.Ratings.Select(r => r.CriteriaVersion).Order().ToListAsync());
        Assert.Equal(2, await db.CriteriaVersions.CountAsync());
    }

    private static async Task<string> LegendsAsync(HttpClient client) =>
        string.Join('\n', (await client.GetDocumentAsync("/danh-gia")).QuerySelectorAll("legend").Select(legend => legend.TextContent));

    private static async Task WaitForReloadAsync(PortalFactory portal, Func<ContentSnapshot, bool> condition)
    {
        var library = portal.Services.GetRequiredService<ContentLibrary>();
        for (var i = 0; i < 100 && !condition(library.Current); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(library.Current), "content did not reload");
    }
}
