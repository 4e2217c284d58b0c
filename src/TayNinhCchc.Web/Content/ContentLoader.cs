using System.Text.RegularExpressions;
using TayNinhCchc.Web.Infrastructure;
using TayNinhCchc.Web.Procedures;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Content;

/// <summary>
/// Reads the content folder into a <see cref="ContentSnapshot"/>. Every problem is reported with its file and line;
/// a file with problems is replaced by its last good version from the previous snapshot when there is one, so one
/// broken edit never takes a page off the site.
/// </summary>
public sealed partial class ContentLoader(MarkdownRenderer markdown)
{
    /// <summary>The agency directory, relative to the content root.</summary>
    public const string AgencyFile = "co-quan.yml";

    /// <summary>Folder of the plan document (Markdown) and its appendix (YAML).</summary>
    public const string PlanFolder = "ke-hoach";

    /// <summary>Folder of the news articles, one Markdown file each; the file name is the slug.</summary>
    public const string NewsFolder = "tin-tuc";

    /// <summary>Folder of the procedures, one Markdown file each, named by the procedure code.</summary>
    public const string ProcedureFolder = "thu-tuc";

    /// <summary>Folder of the survey's criteria sets, one YAML file per version.</summary>
    public const string CriteriaFolder = "danh-gia";

    /// <summary>Synonyms and stop words for procedure search.</summary>
    public const string SynonymFile = "tu-dong-nghia.yml";

    public ContentSnapshot Load(string root, ContentSnapshot previous, DateTime utcNow)
    {
        var problems = new List<ContentProblem>();
        var lastGood = new Dictionary<string, object>(StringComparer.Ordinal);

        if (!Directory.Exists(root))
        {
            problems.Add(new ContentProblem(root, 0, "Không tìm thấy thư mục nội dung."));
            return new ContentSnapshot([], [], null, null, [], ProcedureCatalog.Empty, [], problems, lastGood, utcNow);
        }

        var directory = LoadWithFallback(root, AgencyFile, previous, problems, lastGood, AgencyRegisterReader.Read, partialIsUsable: true)
            ?? new AgencyDirectory([], []);
        var knownCodes = directory.Records.Select(agency => agency.Code)
            .Concat(directory.Groups.Select(group => group.Code))
            .ToHashSet(StringComparer.Ordinal);

        var plans = Files(root, PlanFolder, "*.md")
            .Select(path => LoadWithFallback(root, path, previous, problems, lastGood, ReadPlan))
            .OfType<PlanDocument>()
            .OrderByDescending(plan => plan.Issued)
            .ToList();
        var plan = plans.FirstOrDefault();

        var appendices = Files(root, PlanFolder, "*.yml")
            .Select(path => LoadWithFallback(root, path, previous, problems, lastGood, file => ReadAppendix(file, knownCodes), partialIsUsable: true))
            .OfType<PlanAppendix>()
            .ToList();
        var appendix = appendices.FirstOrDefault(candidate => candidate.FileName == plan?.AppendixFile);
        if (plan?.AppendixFile is { } expected && appendix is null)
        {
            problems.Add(new ContentProblem($"{PlanFolder}/{plan.Slug}.md", 1, $"Không tìm thấy phụ lục '{expected}' trong thư mục '{PlanFolder}'."));
        }

        var news = new List<NewsArticle>();
        var newsFileBySlug = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Files(root, NewsFolder, "*.md"))
        {
            var article = LoadWithFallback(root, path, previous, problems, lastGood, file => ReadArticle(file, knownCodes));
            if (article is null)
            {
                continue;
            }

            if (newsFileBySlug.TryGetValue(article.Slug, out var firstPath))
            {
                problems.Add(new ContentProblem(path, 1, $"Trùng đường dẫn (slug) '{article.Slug}' với tệp {firstPath}; bài này không được đăng."));
                continue;
            }

            newsFileBySlug[article.Slug] = path;
            news.Add(article);
        }

        news.Sort((a, b) => b.Date != a.Date ? b.Date.CompareTo(a.Date) : string.CompareOrdinal(a.Slug, b.Slug));

        var procedures = new List<Procedure>();
        var procedureFileByCode = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Files(root, ProcedureFolder, "*.md"))
        {
            var procedure = LoadWithFallback(root, path, previous, problems, lastGood, file => ProcedureReader.Read(file, knownCodes, markdown));
            if (procedure is null)
            {
                continue;
            }

            if (procedureFileByCode.TryGetValue(procedure.Code, out var firstPath))
            {
                problems.Add(new ContentProblem(path, 2, $"Trùng mã TTHC '{procedure.Code}' với tệp {firstPath}; thủ tục này không được đăng."));
                continue;
            }

            procedureFileByCode[procedure.Code] = path;
            procedures.Add(procedure);
        }

        var vocabulary = LoadWithFallback(root, SynonymFile, previous, problems, lastGood, SearchVocabulary.Read) ?? SearchVocabulary.None;
        var catalog = new ProcedureCatalog(procedures, vocabulary);

        var criteriaSets = LoadCriteriaSets(root, previous, problems, lastGood);

        return new ContentSnapshot(directory.Records, directory.Groups, plan, appendix, news, catalog, criteriaSets, problems, lastGood, utcNow);
    }

    private static List<CriteriaSet> LoadCriteriaSets(string root, ContentSnapshot previous, List<ContentProblem> problems, Dictionary<string, object> lastGood)
    {
        var sets = new List<CriteriaSet>();
        var fileByVersion = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Files(root, CriteriaFolder, "*.yml"))
        {
            var set = LoadWithFallback(root, path, previous, problems, lastGood, CriteriaReader.Read);
            if (set is null)
            {
                continue;
            }

            if (fileByVersion.TryGetValue(set.Version, out var firstPath))
            {
                problems.Add(new ContentProblem(path, 1, $"Trùng mã phiên bản bộ tiêu chí '{set.Version}' với tệp {firstPath}; tệp này bị bỏ qua."));
                continue;
            }

            var overlapping = sets.FirstOrDefault(other =>
                other.ValidFrom <= (set.ValidTo ?? DateOnly.MaxValue) && set.ValidFrom <= (other.ValidTo ?? DateOnly.MaxValue));
            if (overlapping is not null)
            {
                problems.Add(new ContentProblem(path, 1,
                    $"Thời gian áp dụng của bộ tiêu chí '{set.Version}' trùng với '{overlapping.Version}' ({fileByVersion[overlapping.Version]}); mỗi ngày chỉ áp dụng một bộ. Tệp này bị bỏ qua."));
                continue;
            }

            fileByVersion[set.Version] = path;
            sets.Add(set);
        }

        sets.Sort((a, b) => a.ValidFrom.CompareTo(b.ValidFrom));
        return sets;
    }

    private static IEnumerable<string> Files(string root, string folder, string pattern)
    {
        var path = Path.Combine(root, folder);
        return Directory.Exists(path)
            ? Directory.EnumerateFiles(path, pattern, SearchOption.TopDirectoryOnly)
                .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
            : [];
    }

    /// <summary>
    /// Reads one file; on problems, reports them and falls back to the previous good version of the same file.
    /// Without one, a list file still serves the entries that parsed cleanly.
    /// </summary>
    private static T? LoadWithFallback<T>(
        string root,
        string relativePath,
        ContentSnapshot previous,
        List<ContentProblem> problems,
        Dictionary<string, object> lastGood,
        Func<ContentFile, T?> read,
        bool partialIsUsable = false)
        where T : class
    {
        var fullPath = Path.Combine(root, relativePath);
        if (!File.Exists(fullPath))
        {
            if (relativePath == AgencyFile)
            {
                problems.Add(new ContentProblem(relativePath, 0, "Thiếu tệp danh mục cơ quan."));
            }

            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (IOException ex)
        {
            problems.Add(new ContentProblem(relativePath, 0, $"Không đọc được tệp: {ex.Message}"));
            return previous.LastGoodByFile.TryGetValue(relativePath, out var kept) ? kept as T : null;
        }

        var file = new ContentFile(relativePath, text);
        var value = read(file);
        if (file.Problems.Count == 0 && value is not null)
        {
            lastGood[relativePath] = value;
            return value;
        }

        problems.AddRange(file.Problems);
        if (previous.LastGoodByFile.TryGetValue(relativePath, out var last) && last is T good)
        {
            lastGood[relativePath] = good;
            return good;
        }

        // A list file (agencies, appendix) still serves its clean entries; a single broken document is withheld.
        return partialIsUsable ? value : null;
    }

    private PlanDocument? ReadPlan(ContentFile file)
    {
        var front = file.ReadFrontMatter();
        if (front is null)
        {
            return null;
        }

        var fields = new YamlFields(front, file);
        var title = fields.RequiredString("title");
        var summary = fields.RequiredString("summary");
        var decision = fields.RequiredString("decision_number");
        var issued = fields.Date("issued", required: true);
        var effective = fields.Date("effective", required: true);
        var issuer = fields.RequiredString("issuer");
        var signer = fields.RequiredString("signer");
        var source = fields.RequiredString("source");
        var appendixFile = fields.String("appendix");

        var corrections = fields.Mappings("corrections").Select(node =>
        {
            var item = new YamlFields(node, file);
            var correction = new EditorCorrection(
                item.RequiredString("original"), item.String("corrected") ?? string.Empty, (int)(item.Long("line", required: true) ?? 0), item.RequiredString("reason"));
            item.RejectUnknownKeys();
            return correction;
        }).ToList();
        var uncertain = fields.Mappings("uncertain").Select(node =>
        {
            var item = new YamlFields(node, file);
            var reading = new UncertainReading(item.RequiredString("text"), (int)(item.Long("line", required: true) ?? 0), item.RequiredString("note"));
            item.RejectUnknownKeys();
            return reading;
        }).ToList();
        var inconsistencies = fields.List("inconsistencies");
        fields.RejectUnknownKeys();

        if (issued is null || effective is null)
        {
            return null;
        }

        var slug = Path.GetFileNameWithoutExtension(file.RelativePath);
        return new PlanDocument(slug, title, summary, decision, issued.Value, effective.Value, issuer, signer, source, appendixFile,
            corrections, uncertain, inconsistencies, markdown.Render(file.Body));
    }

    private static PlanAppendix? ReadAppendix(ContentFile file, HashSet<string> knownCodes)
    {
        var rootNode = file.ReadYamlMapping();
        if (rootNode is null)
        {
            return null;
        }

        var top = new YamlFields(rootNode, file);
        var document = top.RequiredString("document");
        var source = top.RequiredString("source");
        var statedTotal = top.Long("stated_total", required: true) ?? 0;
        var statedTotalText = top.String("stated_total_text") ?? string.Empty;
        var taskNodes = top.Mappings("tasks", required: true);
        top.RejectUnknownKeys();

        var tasks = new List<PlanTask>();
        var ids = new HashSet<long>();
        foreach (var node in taskNodes)
        {
            var fields = new YamlFields(node, file);
            var id = fields.Long("id", required: true);
            var section = fields.RequiredString("section");
            // The OCR'd appendix leaves some task and lead cells blank; blank stays blank rather than guessed.
            var task = fields.String("task") ?? string.Empty;
            var product = fields.String("product") ?? string.Empty;
            var quantity = fields.String("quantity") ?? string.Empty;
            var lead = fields.List("lead");
            var leadText = fields.String("lead_text") ?? string.Empty;
            var cooperating = fields.List("cooperating");
            var cooperatingText = fields.String("cooperating_text") ?? string.Empty;
            var levelCodes = fields.List("levels");
            var deadline = fields.String("deadline") ?? string.Empty;
            var budget = fields.Long("budget");
            var budgetText = fields.String("budget_text") ?? string.Empty;
            var notes = fields.String("notes") ?? string.Empty;
            var sourceLine = fields.Long("source_line", required: true);
            var editorNote = fields.String("editor_note") ?? string.Empty;
            fields.RejectUnknownKeys();

            if (id is { } value && !ids.Add(value))
            {
                file.Report(fields.LineOf("id"), $"Mã nhiệm vụ (id) {value} bị trùng.");
            }

            foreach (var (key, codes) in new[] { ("lead", lead), ("cooperating", cooperating) })
            {
                foreach (var code in codes.Where(code => !knownCodes.Contains(code)))
                {
                    file.Report(fields.LineOf(key), $"Mã cơ quan không có trong danh mục {AgencyFile}: '{code}'.");
                }
            }

            var levels = new List<DeployLevel>();
            foreach (var code in levelCodes)
            {
                switch (code)
                {
                    case "tinh": levels.Add(DeployLevel.Province); break;
                    case "huyen": levels.Add(DeployLevel.District); break;
                    case "xa": levels.Add(DeployLevel.Commune); break;
                    default: file.Report(fields.LineOf("levels"), $"Cấp triển khai '{code}' không hợp lệ; chọn tinh, huyen hoặc xa."); break;
                }
            }

            if (!fields.HasProblems)
            {
                tasks.Add(new PlanTask((int)id!.Value, section, task, product, quantity, lead, leadText, cooperating, cooperatingText,
                    levels, deadline, DeadlineParser.Parse(deadline), budget, budgetText, notes, (int)(sourceLine ?? 0), editorNote, fields.Line));
            }
        }

        return new PlanAppendix(Path.GetFileName(file.RelativePath), document, source, statedTotal, statedTotalText, tasks);
    }

    private NewsArticle? ReadArticle(ContentFile file, HashSet<string> knownCodes)
    {
        var front = file.ReadFrontMatter();
        if (front is null)
        {
            return null;
        }

        var fields = new YamlFields(front, file);
        var title = fields.RequiredString("title");
        var date = fields.Date("date", required: true);
        var summary = fields.RequiredString("summary");
        var tags = fields.List("tags");
        var image = fields.String("image");
        var imageAlt = fields.String("image_alt");
        var agency = fields.String("agency");
        var draft = fields.Bool("draft");
        var publishAt = fields.DateTimeUtc("publish_at");
        var source = fields.RequiredString("source");
        var slugOverride = fields.String("slug");
        fields.RejectUnknownKeys();

        if (image is not null && imageAlt is null)
        {
            file.Report(fields.LineOf("image"), "Có ảnh minh họa ('image') thì phải có mô tả ảnh ('image_alt') cho người khiếm thị.");
        }

        if (agency is not null && !knownCodes.Contains(agency))
        {
            file.Report(fields.LineOf("agency"), $"Mã cơ quan không có trong danh mục {AgencyFile}: '{agency}'.");
        }

        var slug = slugOverride ?? Path.GetFileNameWithoutExtension(file.RelativePath);
        if (!CodePattern().IsMatch(slug))
        {
            file.Report(fields.Line, $"Đường dẫn (slug) '{slug}' không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang.");
        }

        if (date is null)
        {
            return null;
        }

        return new NewsArticle(slug, title, date.Value, summary, tags, image, imageAlt, agency, draft, publishAt, source, markdown.Render(file.Body));
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}
