using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using TayNinhCchc.Web.Procedures;
using YamlDotNet.RepresentationModel;

namespace TayNinhCchc.Benchmarks.Relevance;

/// <summary>
/// Lucene.Net 4.8 given the same text handling as the portal's index, to compare engines on relevance and speed:
/// text folded with <see cref="SearchIndex.Words"/> before indexing and querying (so no diacritics, đ → d), the same
/// synonyms and stop phrases (<c>tu-dong-nghia.yml</c>), the same field weights (name 10, field 4, body 1), prefix
/// (0.7) and one-edit fuzzy (0.5) alternatives per word, and a bonus for the whole query as a phrase in the name.
/// Concepts are SHOULD clauses, so a document matching more of them ranks higher (Lucene's coord factor) and a
/// partial match still answers.
/// </summary>
internal sealed class LuceneSearch : IDisposable
{
    private static readonly (string Field, float Boost)[] Fields = [("name", 10f), ("field", 4f), ("body", 1f)];

    private readonly RAMDirectory directory = new();
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;
    private readonly string[] keys;
    private readonly List<(string[] Words, List<string[]> Alternatives)> synonyms;
    private readonly List<string[]> stopPhrases;

    public LuceneSearch(IReadOnlyList<SearchDocument> documents, string vocabularyFile)
    {
        ArgumentNullException.ThrowIfNull(documents);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))))
        {
            foreach (var document in documents)
            {
                writer.AddDocument(new Document
                {
                    new TextField("name", Folded(document.Name), Field.Store.NO),
                    new TextField("field", Folded(document.Field), Field.Store.NO),
                    new TextField("body", Folded(document.Body), Field.Store.NO),
                });
            }

            writer.Commit();
        }

        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader);
        // One writer session without deletions: document numbers are the order documents were added in.
        keys = documents.Select(document => document.Key).ToArray();

        var yaml = new YamlStream();
        using (var text = new StringReader(File.ReadAllText(vocabularyFile)))
        {
            yaml.Load(text);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        stopPhrases = ((YamlSequenceNode)root["stop_words"]).Children.Select(node => SearchIndex.Words(((YamlScalarNode)node).Value ?? string.Empty).ToArray())
            .Where(words => words.Length > 0).OrderByDescending(words => words.Length).ToList();
        synonyms = ((YamlSequenceNode)root["synonyms"]).Children.Cast<YamlMappingNode>()
            .Select(group => ((YamlSequenceNode)group["phrases"]).Children.Select(node => SearchIndex.Words(((YamlScalarNode)node).Value ?? string.Empty).ToArray()).Where(words => words.Length > 0).ToList())
            .SelectMany(phrases => phrases.Select(phrase => (phrase, phrases.Where(other => other != phrase).ToList())))
            .OrderByDescending(rule => rule.phrase.Length).ToList();
    }

    public IReadOnlyList<string> Search(string query, int limit)
    {
        var trimmed = (query ?? string.Empty).Trim();
        var exact = Array.IndexOf(keys, trimmed);
        if (exact >= 0)
        {
            return [trimmed];
        }

        var words = WithoutStopPhrases(SearchIndex.Words(trimmed).ToList());
        if (words.Count == 0)
        {
            return [];
        }

        var top = new BooleanQuery();
        for (var i = 0; i < words.Count;)
        {
            var rule = synonyms.FirstOrDefault(candidate => StartsWith(words, i, candidate.Words));
            if (rule.Words is { } ruleWords)
            {
                var concept = new DisjunctionMaxQuery(0f);
                foreach (var sequence in new[] { ruleWords }.Concat(rule.Alternatives))
                {
                    concept.Add(Sequence(sequence));
                }

                top.Add(concept, Occur.SHOULD);
                i += ruleWords.Length;
            }
            else
            {
                top.Add(Word(words[i]), Occur.SHOULD);
                i++;
            }
        }

        if (words.Count > 1)
        {
            var phrase = new PhraseQuery { Boost = 10f * words.Count };
            foreach (var word in words)
            {
                phrase.Add(new Term("name", word));
            }

            top.Add(phrase, Occur.SHOULD);
        }

        return searcher.Search(top, limit).ScoreDocs.Select(hit => keys[hit.Doc]).ToList();
    }

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
    }

    private static string Folded(string text) => string.Join(' ', SearchIndex.Words(text));

    /// <summary>A word in any field: itself, as a prefix, or one edit away (five letters or more, as in the portal).</summary>
    private static DisjunctionMaxQuery Word(string word)
    {
        var query = new DisjunctionMaxQuery(0f);
        foreach (var (field, boost) in Fields)
        {
            query.Add(new TermQuery(new Term(field, word)) { Boost = boost });
            query.Add(new PrefixQuery(new Term(field, word)) { Boost = boost * 0.7f });
            if (word.Length >= 5)
            {
                query.Add(new FuzzyQuery(new Term(field, word), 1, 1) { Boost = boost * 0.5f });
            }
        }

        return query;
    }

    /// <summary>A synonym phrase: every word of it, in any field.</summary>
    private static Query Sequence(string[] sequence)
    {
        if (sequence.Length == 1)
        {
            return Word(sequence[0]);
        }

        var all = new BooleanQuery();
        foreach (var word in sequence)
        {
            var any = new DisjunctionMaxQuery(0f);
            foreach (var (field, boost) in Fields)
            {
                any.Add(new TermQuery(new Term(field, word)) { Boost = boost });
            }

            all.Add(any, Occur.MUST);
        }

        return all;
    }

    private List<string> WithoutStopPhrases(List<string> words)
    {
        var kept = new List<string>(words.Count);
        for (var i = 0; i < words.Count;)
        {
            var stop = stopPhrases.FirstOrDefault(phrase => StartsWith(words, i, phrase));
            if (stop is not null && words.Count > stop.Length && !synonyms.Any(rule => StartsWith(words, i, rule.Words)))
            {
                i += stop.Length;
            }
            else
            {
                kept.Add(words[i++]);
            }
        }

        return kept;
    }

    private static bool StartsWith(List<string> words, int start, string[] phrase) =>
        start + phrase.Length <= words.Count && phrase.Select((word, j) => words[start + j] == word).All(same => same);
}
