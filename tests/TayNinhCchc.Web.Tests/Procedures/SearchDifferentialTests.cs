using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Procedures;

namespace TayNinhCchc.Web.Tests.Procedures;

/// <summary>
/// The index against the simplest search that could work, on seeded random queries over the shipped catalogue: a scan
/// of every procedure's folded words keeping those that hold every query word. Whatever the scan finds, the index
/// finds too (as full matches), and a query the scan answers is never answered with partial matches only.
/// </summary>
public sealed class SearchDifferentialTests
{
    private static readonly ContentSnapshot Shipped =
        new ContentLoader(new MarkdownRenderer()).Load(RepositoryPaths.Content, ContentSnapshot.Empty, DateTime.UtcNow);

    [Theory]
    [InlineData(13)]
    [InlineData(2025)]
    public void The_index_finds_every_procedure_a_naive_scan_finds(int seed)
    {
        var documents = Shipped.Procedures.All.Select(ProcedureCatalog.ToSearchDocument).ToArray();
        var words = documents.Select(document => SearchIndex.Words($"{document.Name} {document.Field} {document.Body}").ToHashSet(StringComparer.Ordinal)).ToArray();
        var index = new SearchIndex(documents, [], []);
        var random = new Random(seed);

        for (var q = 0; q < 300; q++)
        {
            // One to three words from the name of a random procedure, sometimes with a word of another one.
            var name = SearchIndex.Words(documents[random.Next(documents.Length)].Name).ToArray();
            var query = Enumerable.Range(0, random.Next(1, 4)).Select(_ => name[random.Next(name.Length)]).ToList();
            if (random.Next(4) == 0)
            {
                var other = SearchIndex.Words(documents[random.Next(documents.Length)].Name).ToArray();
                query.Add(other[random.Next(other.Length)]);
            }

            var text = string.Join(' ', query);
            var expected = Enumerable.Range(0, documents.Length).Where(d => query.All(words[d].Contains)).Select(d => documents[d].Key).ToHashSet(StringComparer.Ordinal);
            var result = index.Search(text);
            var found = result.Hits.Select(hit => hit.Key).ToHashSet(StringComparer.Ordinal);

            Assert.True(found.IsSupersetOf(expected), $"seed {seed}, '{text}': the scan finds {string.Join(", ", expected.Except(found).Take(5))} the index does not");
            Assert.True(expected.Count == 0 || !result.Partial, $"seed {seed}, '{text}': {expected.Count} full matches, yet partial");
        }
    }
}
