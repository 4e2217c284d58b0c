namespace TayNinhCchc.Web.Tests.Pages.KeHoach;

/// <summary>The plan keeps its 2020 names and says "nay là …" only where the register has a sourced successor.</summary>
[Collection(SharedPortal.Name)]
public sealed class PlanSuccessorTests(PortalFactory portal)
{
    [Fact]
    public async Task Plan_rows_keep_2020_names_and_link_only_sourced_successors()
    {
        using var client = portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/ke-hoach/nhiem-vu");

        var cells = document.QuerySelectorAll("td").Where(cell => cell.QuerySelector("a[href^='/co-quan/']") is not null).ToList();
        var broadcaster = cells.First(cell => cell.QuerySelector("a[href='/co-quan/dai-pt-th-tay-ninh']") is not null);
        Assert.Contains("Đài PTTH Tây Ninh", broadcaster.TextContent, StringComparison.Ordinal);
        Assert.Contains("nay là", broadcaster.TextContent, StringComparison.Ordinal);
        Assert.NotNull(broadcaster.QuerySelector("a[href='/co-quan/bao-va-phat-thanh-truyen-hinh-tay-ninh']"));

        // Sở Tài nguyên và Môi trường ended, successor not known: no "nay là".
        var environment = cells.First(cell => cell.QuerySelector("a[href='/co-quan/so-tai-nguyen-va-moi-truong']") is not null);
        Assert.DoesNotContain("nay là", environment.TextContent, StringComparison.Ordinal);
    }
}
