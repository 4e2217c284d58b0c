using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace TayNinhCchc.Relevance;

/// <summary>One judged query of <c>tests/relevance/queries.yml</c>: what a citizen types and the codes that answer it.</summary>
public sealed record JudgedQuery(string Query, IReadOnlyList<string> Expect, string Must, string Kind);

/// <summary>Success@1, success@3, mean reciprocal rank and zero-result rate of a set of judged queries.</summary>
public sealed record RelevanceFigures(int Queries, double SuccessAt1, double SuccessAt3, double Mrr, double ZeroRate)
{
    public string Row(string label) => string.Create(
        CultureInfo.InvariantCulture,
        $"{label,-28} {Queries,5} {SuccessAt1,8:F3} {SuccessAt3,8:F3} {Mrr,8:F3} {ZeroRate,8:F3}");

    public static string Header => $"{"",-28} {"n",5} {"s@1",8} {"s@3",8} {"MRR",8} {"zero",8}";
}

/// <summary>
/// The judged query set and its committed floors (<c>tests/relevance/</c>), scored the same way by the relevance
/// benchmark and by the floor test. Shared as a linked source file, so both read the figures one way.
/// </summary>
public static class RelevanceJudgement
{
    public static IReadOnlyList<JudgedQuery> Load(string queriesFile)
    {
        var yaml = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(queriesFile)))
        {
            yaml.Load(reader);
        }

        var queries = (YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["queries"];
        return queries.Children.Cast<YamlMappingNode>().Select(node => new JudgedQuery(
            Text(node, "query"),
            ((YamlSequenceNode)node["expect"]).Children.Select(code => ((YamlScalarNode)code).Value ?? string.Empty).ToList(),
            Text(node, "must"),
            Text(node, "kind"))).ToList();
    }

    /// <summary>The floors committed beside the set: <c>success_at_1</c>, <c>success_at_3</c>, <c>mrr</c>, <c>max_zero_rate</c>.</summary>
    public static RelevanceFigures LoadFloors(string floorsFile)
    {
        var yaml = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(floorsFile)))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        double Number(string key) => double.Parse(Text(root, key), CultureInfo.InvariantCulture);
        return new RelevanceFigures(0, Number("success_at_1"), Number("success_at_3"), Number("mrr"), Number("max_zero_rate"));
    }

    /// <summary>
    /// Figures of <paramref name="search"/> (ranked keys, best first) on <paramref name="queries"/>. A query with no
    /// expected code (the catalogue has no answer) is not counted.
    /// </summary>
    public static RelevanceFigures Score(IReadOnlyList<JudgedQuery> queries, Func<string, IReadOnlyList<string>> search, Action<JudgedQuery, int>? miss = null)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(search);
        var (judged, at1, at3, reciprocal, zero) = (0, 0, 0, 0.0, 0);
        foreach (var query in queries)
        {
            var hits = search(query.Query);
            if (query.Expect.Count == 0)
            {
                continue;
            }

            judged++;
            zero += hits.Count == 0 ? 1 : 0;
            var rank = 0;
            for (var i = 0; i < hits.Count; i++)
            {
                if (query.Expect.Contains(hits[i]))
                {
                    rank = i + 1;
                    break;
                }
            }

            at1 += rank == 1 ? 1 : 0;
            at3 += rank is >= 1 and <= 3 ? 1 : 0;
            reciprocal += rank > 0 ? 1.0 / rank : 0;
            if (rank == 0 || rank > (query.Must == "first" ? 1 : 3))
            {
                miss?.Invoke(query, rank);
            }
        }

        return judged == 0
            ? new RelevanceFigures(0, 0, 0, 0, 0)
            : new RelevanceFigures(judged, (double)at1 / judged, (double)at3 / judged, reciprocal / judged, (double)zero / judged);
    }

    private static string Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { } text } ? text : string.Empty;
}
