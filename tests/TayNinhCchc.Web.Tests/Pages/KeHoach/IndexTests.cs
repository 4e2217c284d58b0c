namespace TayNinhCchc.Web.Tests.Pages.KeHoach;

[Collection(SharedPortal.Name)]
public sealed class IndexTests(PortalFactory portal)
{
    [Fact]
    public async Task Plan_page_shows_the_decision_the_whole_plan_and_a_table_of_contents()
    {
        using var client = portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/ke-hoach");

        Assert.Contains("Kế hoạch cải cách hành chính", document.Text("h1"), StringComparison.Ordinal);
        Assert.Contains("2818/QĐ-UBND", document.Text(".eyebrow"), StringComparison.Ordinal);
        Assert.Contains("16/11/2020", document.Text(".eyebrow"), StringComparison.Ordinal);
        var body = document.QuerySelector(".prose")!.TextContent;
        foreach (var part in new[] { "I. MỤC TIÊU, YÊU CẦU", "II. NHIỆM VỤ", "III. KẾ HOẠCH TRIỂN KHAI", "IV. KINH PHÍ", "V. TỔ CHỨC THỰC HIỆN" })
        {
            Assert.Contains(part, body, StringComparison.Ordinal);
        }

        var tocTargets = document.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href")!.TrimStart('#')).ToList();
        Assert.True(tocTargets.Count >= 10);
        Assert.All(tocTargets, id => Assert.NotNull(document.GetElementById(id)));
        Assert.All(tocTargets, id => Assert.Matches("^[a-z0-9-]+$", id));
    }

    [Fact]
    public async Task Plan_page_lists_the_editors_corrections_and_the_documents_own_inconsistencies()
    {
        using var client = portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/ke-hoach");

        var notes = document.QuerySelector("section.editor-notes")!.TextContent;
        Assert.Contains("Nhu Điều 3", notes, StringComparison.Ordinal);
        Assert.Contains("Như Điều 3", notes, StringComparison.Ordinal);
        Assert.Contains("2818", notes, StringComparison.Ordinal);
        Assert.Contains("281", notes, StringComparison.Ordinal);
        Assert.Contains("288", notes, StringComparison.Ordinal);
    }
}
