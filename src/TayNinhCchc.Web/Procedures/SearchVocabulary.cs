using TayNinhCchc.Web.Content;

namespace TayNinhCchc.Web.Procedures;

/// <summary>
/// The words citizens use that the procedures' official names do not ("sổ đỏ", "CMND"), and the filler words to
/// ignore in a query ("thủ tục", "làm") or not to require of a document ("cho", "ở"). Kept as content (<c>content/tu-dong-nghia.yml</c>) so editors extend it.
/// </summary>
public sealed record SearchVocabulary(IReadOnlyList<SynonymGroup> Synonyms, IReadOnlyList<string> StopWords, IReadOnlyList<string> SoftWords)
{
    public static SearchVocabulary None { get; } = new([], [], []);

    internal static SearchVocabulary? Read(ContentFile file)
    {
        var root = file.ReadYamlMapping();
        if (root is null)
        {
            return null;
        }

        var fields = new YamlFields(root, file);
        var stopWords = fields.List("stop_words");
        var softWords = fields.List("soft_words");
        var groups = new List<SynonymGroup>();
        foreach (var node in fields.Mappings("synonyms", required: true))
        {
            var group = new YamlFields(node, file);
            var phrases = group.List("phrases");
            _ = group.String("note");
            _ = group.String("source"); // where citizens were found writing the phrasing: for editors, not searched
            group.RejectUnknownKeys();
            if (phrases.Count < 2)
            {
                file.Report(group.Line, "Mỗi nhóm từ đồng nghĩa cần ít nhất hai cụm từ trong 'phrases'.");
                continue;
            }

            groups.Add(new SynonymGroup(phrases));
        }

        fields.RejectUnknownKeys();
        return new SearchVocabulary(groups, stopWords, softWords);
    }
}
