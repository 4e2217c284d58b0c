using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Procedures;
using YamlDotNet.RepresentationModel;

namespace TayNinhCchc.Web.Tests.Content;

/// <summary>
/// The procedures citizens do most (<c>content/nguon/thu-tuc-pho-bien.yml</c>) against the shipped catalogue: each one
/// states every fact NĐ 63/2010 Điều 8 requires, or says in plain words, with its source, that it is not published.
/// </summary>
public sealed class PopularProceduresTests
{
    private const string ListFile = "nguon/thu-tuc-pho-bien.yml";

    private static readonly ContentSnapshot Shipped =
        new ContentLoader(new MarkdownRenderer()).Load(RepositoryPaths.Content, ContentSnapshot.Empty, DateTime.UtcNow);

    private static List<string> PopularCodes()
    {
        var yaml = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(Path.Combine(RepositoryPaths.Content, ListFile))))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return ((YamlSequenceNode)root["groups"]).Children
            .SelectMany(group => ((YamlSequenceNode)((YamlMappingNode)group)["procedures"]).Children)
            .Select(code => ((YamlScalarNode)code).Value!)
            .ToList();
    }

    [Fact]
    public void The_list_names_at_least_a_hundred_distinct_shipped_procedures()
    {
        var codes = PopularCodes();

        Assert.True(codes.Count >= 100, $"{codes.Count} thủ tục trong {ListFile}");
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code => Assert.True(Shipped.Procedures.ByCode.ContainsKey(code), $"{code} không có trong content/thu-tuc"));
    }

    [Fact]
    public void Every_popular_procedure_states_every_dieu_8_fact_or_why_it_is_not_published()
    {
        var missing = new List<string>();
        foreach (var code in PopularCodes().Where(Shipped.Procedures.ByCode.ContainsKey))
        {
            var procedure = Shipped.Procedures.ByCode[code];
            foreach (var (field, label) in ProcedureFields.Dieu8)
            {
                if (!ProcedureFields.IsFilled(procedure, field) && string.IsNullOrWhiteSpace(procedure.NotPublishedReason(field)))
                {
                    missing.Add($"{code} {label}");
                }
            }
        }

        Assert.True(missing.Count == 0, "Thiếu (không có giá trị, không có lý do chưa công bố):\n" + string.Join("\n", missing));
    }

    [Fact]
    public void A_not_published_reason_names_its_source_and_where_to_ask()
    {
        foreach (var code in PopularCodes().Where(Shipped.Procedures.ByCode.ContainsKey))
        {
            foreach (var (field, reason) in Shipped.Procedures.ByCode[code].NotPublished)
            {
                // A reason says which source is silent (the national record, the danh mục, the province) in words.
                Assert.True(reason.Contains("bản ghi", StringComparison.OrdinalIgnoreCase) || reason.Contains("danh mục", StringComparison.OrdinalIgnoreCase)
                    || reason.Contains("Tây Ninh", StringComparison.Ordinal), $"{code} {field}: {reason}");
            }
        }
    }

    [Fact]
    public void No_shipped_time_limit_is_a_number_without_its_unit()
    {
        // The loader rejects such a file; this guards the shipped catalogue the citizen sees ("1 what?").
        Assert.All(Shipped.Procedures.All, procedure => Assert.Null(ProcedureReader.BareNumberIn(procedure.TimeLimit)));
    }
}
