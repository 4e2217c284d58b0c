using TayNinhCchc.Web.Content;
using YamlDotNet.RepresentationModel;

namespace TayNinhCchc.Web.Tests.Procedures;

/// <summary>
/// The judged query set (<c>tests/relevance/queries.yml</c>) is well formed against the shipped catalogue: the relevance
/// benchmark that will read it can trust every expected code and every field.
/// </summary>
public sealed class RelevanceQuerySetTests
{
    private static readonly string[] Modes = ["first", "top3"];

    private static readonly string QueryFile = Path.Combine(RepositoryPaths.Root, "tests", "relevance", "queries.yml");

    private static readonly ContentSnapshot Shipped =
        new ContentLoader(new MarkdownRenderer()).Load(RepositoryPaths.Content, ContentSnapshot.Empty, DateTime.UtcNow);

    private static List<YamlMappingNode> Queries()
    {
        var yaml = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(QueryFile)))
        {
            yaml.Load(reader);
        }

        return ((YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["queries"]).Children.Cast<YamlMappingNode>().ToList();
    }

    private static string Text(YamlMappingNode query, string key) =>
        query.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } value } ? value : string.Empty;

    [Fact]
    public void The_set_has_at_least_two_hundred_distinct_queries_each_with_its_kind_and_source()
    {
        var queries = Queries();

        Assert.True(queries.Count >= 200, $"{queries.Count} truy vấn");
        Assert.Equal(queries.Count, queries.Select(query => Text(query, "query").ToLowerInvariant()).Distinct().Count());
        Assert.All(queries, query =>
        {
            Assert.False(string.IsNullOrWhiteSpace(Text(query, "query")));
            Assert.Contains(Text(query, "must"), Modes);
            Assert.False(string.IsNullOrWhiteSpace(Text(query, "kind")), Text(query, "query"));
            Assert.False(string.IsNullOrWhiteSpace(Text(query, "source")), Text(query, "query"));
        });
    }

    [Fact]
    public void Every_expected_code_is_a_shipped_procedure()
    {
        foreach (var query in Queries())
        {
            var expected = ((YamlSequenceNode)query["expect"]).Children.Select(code => ((YamlScalarNode)code).Value!).ToList();
            Assert.NotEmpty(expected);
            Assert.All(expected, code => Assert.True(Shipped.Procedures.ByCode.ContainsKey(code), $"'{Text(query, "query")}': {code} không có trong content/thu-tuc"));
        }
    }

    [Fact]
    public void The_set_covers_every_way_citizens_type()
    {
        var kinds = Queries().Select(query => Text(query, "kind")).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(StringComparer.Ordinal)
        {
            "không dấu", "cách gọi thông dụng", "tên chưa gõ hết", "gõ sai một chữ", "câu hỏi", "mã thủ tục", "tên cũ trước 2025",
        }, kinds);
    }
}
