namespace TayNinhCchc.Web.Procedures;

/// <summary>The procedures of one content snapshot, by code and in name order, with their search index.</summary>
public sealed class ProcedureCatalog
{
    private readonly Dictionary<string, int> order;

    public ProcedureCatalog(IEnumerable<Procedure> procedures, SearchVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var comparer = StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), ignoreCase: true);
        All = procedures.OrderBy(procedure => procedure.Name, comparer).ThenBy(procedure => procedure.Code, StringComparer.Ordinal).ToList();
        ByCode = All.ToDictionary(procedure => procedure.Code, StringComparer.Ordinal);
        order = All.Select((procedure, i) => (procedure.Code, i)).ToDictionary(pair => pair.Code, pair => pair.i, StringComparer.Ordinal);
        Search = new SearchIndex(All.Select(ToSearchDocument), vocabulary.Synonyms, vocabulary.StopWords, vocabulary.SoftWords);
    }

    public static ProcedureCatalog Empty { get; } = new([], SearchVocabulary.None);

    /// <summary>Every procedure, in Vietnamese alphabetical order of name.</summary>
    public IReadOnlyList<Procedure> All { get; }

    public IReadOnlyDictionary<string, Procedure> ByCode { get; }

    public SearchIndex Search { get; }

    /// <summary>Position of a procedure in <see cref="All"/> (name order).</summary>
    public int OrderOf(string code) => order[code];

    /// <summary>The text of a procedure as the search index sees it, per ranked field.</summary>
    public static SearchDocument ToSearchDocument(Procedure procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return new(
        procedure.Code,
        procedure.Name,
        procedure.Field,
        string.Join(' ', new[] { procedure.AgencyText, procedure.Result, procedure.Place }
            .Concat(procedure.Audiences)
            .Concat(procedure.Documents.Select(document => document.Name))));
    }
}
