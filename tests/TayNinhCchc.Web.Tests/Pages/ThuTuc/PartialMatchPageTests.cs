using TayNinhCchc.Web.Tests.Content;

namespace TayNinhCchc.Web.Tests.Pages.ThuTuc;

/// <summary>/thu-tuc says plainly when no procedure holds every word searched for and lists those holding some.</summary>
public sealed class PartialMatchPageTests : IDisposable
{
    private readonly ContentFolder folder = new();
    private readonly PortalFactory portal;

    public PartialMatchPageTests()
    {
        folder.Write("thu-tuc/2.000884.md", ContentFolder.Procedure("2.000884", "Chứng thực chữ ký", "Chứng thực"));
        folder.Write("thu-tuc/2.000815.md", ContentFolder.Procedure("2.000815", "Chứng thực bản sao từ bản chính", "Chứng thực"));
        portal = PortalFactory.ForContent(folder.Root);
    }

    public void Dispose()
    {
        portal.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task Partial_matches_are_listed_and_said_to_be_partial()
    {
        using var client = portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/thu-tuc?q=chung+thuc+chu+ky+may+bay");

        Assert.Equal("/thu-tuc/2.000884", document.QuerySelector(".procedure-item__title a")!.GetAttribute("href"));
        Assert.Contains("Không có thủ tục nào chứa đủ mọi từ", document.QuerySelector("[data-testid=partial-match]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_match_says_nothing_about_partial_matches()
    {
        using var client = portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/thu-tuc?q=chung+thuc+chu+ky");

        Assert.Null(document.QuerySelector("[data-testid=partial-match]"));
    }
}
