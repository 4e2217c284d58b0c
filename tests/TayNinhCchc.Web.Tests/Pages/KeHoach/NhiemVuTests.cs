using AngleSharp.Dom;
using TayNinhCchc.Web.Content;

namespace TayNinhCchc.Web.Tests.Pages.KeHoach;

[Collection(SharedPortal.Name)]
public sealed class NhiemVuTests(PortalFactory portal)
{
    private ContentSnapshot Content => portal.Services.GetRequiredService<ContentLibrary>().Current;

    [Fact]
    public async Task Task_table_shows_every_task_and_the_stated_total_beside_the_sum_of_items()
    {
        using var client = portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/ke-hoach/nhiem-vu");

        var appendix = Content.Appendix!;
        Assert.Equal(appendix.Tasks.Count, Rows(document).Count);
        Assert.Equal("1.752.580.000 đồng", document.Text("[data-testid=stated-total]"));
        Assert.Equal(VietnameseTextFor(appendix.SumOfItems), document.Text("[data-testid=sum-of-items]"));
        if (appendix.SumOfItems != appendix.StatedTotal)
        {
            Assert.Contains(VietnameseTextFor(Math.Abs(appendix.SumOfItems - appendix.StatedTotal)), document.Text("[data-testid=difference]"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Filtering_by_lead_agency_keeps_only_its_tasks_and_totals_them()
    {
        using var client = portal.CreatePortalClient();
        var lead = Content.Appendix!.Tasks.SelectMany(task => task.Lead).GroupBy(code => code).OrderByDescending(group => group.Count()).First().Key;
        var expected = Content.Appendix.Tasks.Where(task => task.Lead.Contains(lead)).ToList();

        var document = await client.GetDocumentAsync($"/ke-hoach/nhiem-vu?co-quan={lead}");

        Assert.Equal(expected.Select(task => $"nhiem-vu-{task.Id}"), Rows(document).Select(row => row.Id));
        Assert.Equal(TayNinhCchc.Web.Infrastructure.VietnameseText.Number(expected.Sum(task => task.Budget ?? 0)), document.Text("[data-testid=filtered-total]"));
        Assert.Equal(lead, document.QuerySelector("#co-quan option[selected]")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("tinh", DeployLevel.Province)]
    [InlineData("huyen", DeployLevel.District)]
    [InlineData("xa", DeployLevel.Commune)]
    public async Task Filtering_by_level_keeps_tasks_deployed_at_that_level(string code, DeployLevel level)
    {
        using var client = portal.CreatePortalClient();

        var document = await client.GetDocumentAsync($"/ke-hoach/nhiem-vu?cap={code}");

        var expected = Content.Appendix!.Tasks.Where(task => task.Levels.Contains(level)).Select(task => $"nhiem-vu-{task.Id}");
        Assert.Equal(expected, Rows(document).Select(row => row.Id));
    }

    [Fact]
    public async Task Filtering_by_quarter_keeps_tasks_due_within_it()
    {
        using var client = portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/ke-hoach/nhiem-vu?quy=2");

        var expected = Content.Appendix!.Tasks
            .Where(task => task.DeadlineRange is { } range && range.Within(new DateRange(new DateOnly(2021, 4, 1), new DateOnly(2021, 6, 30))))
            .Select(task => $"nhiem-vu-{task.Id}")
            .ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Rows(document).Select(row => row.Id));
    }

    [Fact]
    public async Task Sorting_by_budget_descending_puts_the_largest_first()
    {
        using var client = portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/ke-hoach/nhiem-vu?sap-xep=kinh-phi&chieu=giam");

        var largest = Content.Appendix!.Tasks.OrderByDescending(task => task.Budget ?? -1).ThenBy(task => task.Id).First();
        Assert.Equal($"nhiem-vu-{largest.Id}", Rows(document)[0].Id);
        Assert.Equal("descending", document.QuerySelector("th[aria-sort]")?.GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task Unknown_filter_values_show_no_rows_rather_than_an_error()
    {
        using var client = portal.CreatePortalClient();

        var document = await client.GetDocumentAsync("/ke-hoach/nhiem-vu?co-quan=%3Cscript%3E&quy=9");

        Assert.Empty(Rows(document));
        Assert.DoesNotContain("<script>", document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    private static List<IElement> Rows(IDocument document) => document.QuerySelectorAll("table.task-table tbody tr").ToList();

    private static string VietnameseTextFor(long amount) => TayNinhCchc.Web.Infrastructure.VietnameseText.Money(amount);
}
