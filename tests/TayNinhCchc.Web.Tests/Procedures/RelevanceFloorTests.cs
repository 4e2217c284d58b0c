using TayNinhCchc.Relevance;
using TayNinhCchc.Web.Content;

namespace TayNinhCchc.Web.Tests.Procedures;

/// <summary>
/// The portal's search on the judged query set (<c>tests/relevance/queries.yml</c>) over the shipped catalogue stays
/// at or above the floors committed beside it (<c>tests/relevance/floors.yml</c>); the relevance benchmark prints the
/// same figures, per kind of query and beside the naive scan and Lucene.Net.
/// </summary>
public sealed class RelevanceFloorTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "relevance");

    [Fact]
    public void The_judged_set_scores_at_or_above_its_committed_floors()
    {
        var shipped = new ContentLoader(new MarkdownRenderer()).Load(RepositoryPaths.Content, ContentSnapshot.Empty, DateTime.UtcNow);
        var queries = RelevanceJudgement.Load(Path.Combine(Folder, "queries.yml"));
        var floors = RelevanceJudgement.LoadFloors(Path.Combine(Folder, "floors.yml"));
        var misses = new List<string>();

        var figures = RelevanceJudgement.Score(
            queries,
            query => shipped.Procedures.Search.Search(query, 50).Hits.Select(hit => hit.Key).ToList(),
            (query, rank) => misses.Add($"\"{query.Query}\" ({query.Must}): hạng {rank}"));

        var report = $"{figures} so với sàn {floors}; chưa đạt yêu cầu của từng truy vấn: {misses.Count}\n{string.Join('\n', misses.Take(40))}";
        Assert.True(figures.SuccessAt1 >= floors.SuccessAt1, report);
        Assert.True(figures.SuccessAt3 >= floors.SuccessAt3, report);
        Assert.True(figures.Mrr >= floors.Mrr, report);
        Assert.True(figures.ZeroRate <= floors.ZeroRate, report);
    }
}
