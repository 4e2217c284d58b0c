using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TayNinhCchc.Benchmarks.Catalogue;

/// <summary>
/// Writes a synthetic content folder: the repository's agency directory and synonym file, plus N procedure files in
/// the portal's front matter format. Deterministic: the same count gives the same bytes, and a smaller catalogue is
/// a prefix of a larger one (procedure i is the same in both).
/// </summary>
internal static partial class CatalogueGenerator
{
    /// <summary>Written in every file's <c>source:</c> so nobody mistakes the data for real procedures.</summary>
    public const string SyntheticSource = "Dữ liệu tổng hợp cho đo hiệu năng — không phải thủ tục thật";

    /// <summary>Marker file: a folder holding it was written by this generator and may be overwritten by it.</summary>
    public const string MarkerFile = ".synthetic-catalogue";

    private const int Seed = 20211116;
    private const int CodeSpace = 100_000;
    private const int CodeStride = 7_919; // prime, coprime with CodeSpace: i -> code is one-to-one below CodeSpace

    private static readonly string[] CopiedFiles = ["co-quan.yml", "tu-dong-nghia.yml"];

    /// <summary>The code of procedure <paramref name="index"/> (0-based), "1.0xxxxx".</summary>
    public static string Code(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"1.0{(int)(((long)index * CodeStride + 1193) % CodeSpace):D5}");

    /// <summary>A code that no generated catalogue of up to <see cref="CodeSpace"/> - 1 procedures contains.</summary>
    public static string MissingCode => Code(CodeSpace - 1);

    /// <summary>Creates (or replaces) the catalogue in <paramref name="outDir"/>; returns the number of files written.</summary>
    public static int Generate(int count, string outDir, string sourceContentDir)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, CodeSpace - 1);
        var root = Path.GetFullPath(outDir);
        var source = Path.GetFullPath(sourceContentDir);
        if (IsSameOrInside(root, source))
        {
            throw new InvalidOperationException($"Refusing to write a synthetic catalogue into the real content folder {source}.");
        }

        PrepareFolder(root);
        foreach (var name in CopiedFiles)
        {
            File.Copy(Path.Combine(source, name), Path.Combine(root, name), overwrite: true);
        }

        var knownAgencies = AgencyCodes(File.ReadAllText(Path.Combine(root, "co-quan.yml")));
        var folder = Path.Combine(root, "thu-tuc");
        Directory.CreateDirectory(folder);

        var random = new Random(Seed);
        var names = Names(random);
        for (var i = 0; i < count; i++)
        {
            var (group, procedureObject, verb, name) = names[i % names.Count];
            if (i >= names.Count)
            {
                name += string.Create(CultureInfo.InvariantCulture, $" (bản {(i / names.Count) + 1})");
            }

            var code = Code(i);
            var text = ProcedureFile(random, code, name, group, procedureObject, verb, knownAgencies);
            File.WriteAllText(Path.Combine(folder, code + ".md"), text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        File.WriteAllText(
            Path.Combine(root, MarkerFile),
            string.Create(CultureInfo.InvariantCulture, $"count={count}\nseed={Seed}\n{SyntheticSource}\n"));
        return count;
    }

    /// <summary>
    /// Whether <paramref name="dir"/> already holds this generator's catalogue of exactly <paramref name="count"/>,
    /// with the same agency and synonym files as <paramref name="sourceContentDir"/> (a stale synonym file would
    /// measure an index the site no longer builds).
    /// </summary>
    public static bool IsGenerated(string dir, int count, string sourceContentDir)
    {
        var marker = Path.Combine(dir, MarkerFile);
        return File.Exists(marker)
            && CopiedFiles.All(name => File.Exists(Path.Combine(dir, name))
                && File.ReadAllBytes(Path.Combine(dir, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(sourceContentDir, name))))
            && File.ReadAllText(marker).StartsWith(string.Create(CultureInfo.InvariantCulture, $"count={count}\nseed={Seed}\n"), StringComparison.Ordinal)
            && Directory.Exists(Path.Combine(dir, "thu-tuc"))
            && Directory.EnumerateFiles(Path.Combine(dir, "thu-tuc"), "*.md").Count() == count;
    }

    /// <summary>
    /// Every name the parts can make, in a fixed order: first each base name on its own (shuffled), then the
    /// qualified variants (shuffled), so a small catalogue still covers every kind of procedure.
    /// </summary>
    private static List<(FieldGroup Group, ProcedureObject Object, string Verb, string Name)> Names(Random random)
    {
        var bases = new List<(FieldGroup, ProcedureObject, string, string)>();
        foreach (var group in NameParts.Fields)
        {
            foreach (var procedureObject in group.Objects)
            {
                foreach (var verb in procedureObject.Verbs)
                {
                    var name = verb.Length == 0 ? procedureObject.Text : $"{verb} {procedureObject.Text}";
                    bases.Add((group, procedureObject, verb, Capitalise(name)));
                }
            }
        }

        var plain = bases.ToArray();
        random.Shuffle(plain);
        var variants = new List<(FieldGroup, ProcedureObject, string, string)>();
        foreach (var (group, procedureObject, verb, name) in bases)
        {
            foreach (var subject in NameParts.Subjects)
            {
                foreach (var circumstance in NameParts.Circumstances)
                {
                    if (subject.Length + circumstance.Length > 0)
                    {
                        variants.Add((group, procedureObject, verb, name + subject + circumstance));
                    }
                }
            }
        }

        var shuffled = variants.ToArray();
        random.Shuffle(shuffled);
        return [.. plain, .. shuffled];
    }

    private static string ProcedureFile(
        Random random, string code, string name, FieldGroup group, ProcedureObject procedureObject, string verb, HashSet<string> knownAgencies)
    {
        var b = new StringBuilder(4096);
        b.Append("---\n");
        b.Append("code: ").Append(Quote(code)).Append('\n');
        b.Append("name: ").Append(Quote(name)).Append('\n');
        b.Append("field: ").Append(Quote(group.Field)).Append('\n');
        var agencies = group.AgencyCodes.Where(knownAgencies.Contains).ToList();
        b.Append("agencies: ").Append(InlineList(agencies, quote: false)).Append('\n');
        b.Append("agency_text: ").Append(Quote(group.AgencyText)).Append('\n');
        var levels = group.Levels.Where((_, i) => i == 0 || random.Next(3) > 0).ToList();
        b.Append("levels: ").Append(InlineList(levels, quote: false)).Append('\n');
        var audiences = group.Audiences.Where((_, i) => i == 0 || random.Next(2) == 0).ToList();
        b.Append("audiences: ").Append(InlineList(audiences, quote: true)).Append('\n');

        var online = random.Next(4);
        var channels = new List<string> { "truc-tiep" };
        if (online > 0)
        {
            channels.Add("truc-tuyen");
        }

        if (random.Next(3) == 0)
        {
            channels.Add("buu-chinh");
        }

        b.Append("channels: ").Append(InlineList(channels, quote: false)).Append('\n');

        var (timeLimit, days) = TimeLimits[random.Next(TimeLimits.Length)];
        b.Append("time_limit: ").Append(Quote(timeLimit)).Append('\n');
        if (days is { } workingDays)
        {
            b.Append("time_limit_days: ").Append(workingDays.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        var (fee, amounts) = Fees[random.Next(Fees.Length)];
        b.Append("fee: ").Append(Quote(fee)).Append('\n');
        if (amounts.Length > 0)
        {
            b.Append("fee_amounts: ").Append(InlineList(amounts.Select(a => a.ToString(CultureInfo.InvariantCulture)).ToList(), quote: false)).Append('\n');
        }

        b.Append("result: ").Append(Quote(procedureObject.Result)).Append('\n');
        b.Append("requirements: ").Append(Quote(random.Next(3) == 0
            ? "Tổ chức, cá nhân đáp ứng đầy đủ điều kiện theo quy định của pháp luật chuyên ngành."
            : "Không")).Append('\n');
        b.Append("legal_basis:\n");
        var laws = 1 + random.Next(3);
        for (var i = 0; i < laws; i++)
        {
            b.Append("  - ").Append(Quote(string.Create(CultureInfo.InvariantCulture,
                $"Văn bản pháp luật mẫu số {10 + random.Next(90)}/{2015 + random.Next(10)} (dữ liệu tổng hợp, không phải văn bản thật)"))).Append('\n');
        }

        b.Append("online_level: ").Append(online switch { 0 => "khong", 1 => "mot-phan", _ => "toan-trinh" }).Append('\n');
        if (random.Next(2) == 0)
        {
            b.Append("online_level_legacy: ").Append(Math.Min(online + 2, 4).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        if (online > 0)
        {
            b.Append("online_url: ").Append(Quote($"https://dichvucong.example/thu-tuc/{code}")).Append('\n');
        }

        b.Append("place: ").Append(Quote(group.Place)).Append('\n');

        b.Append("documents:\n");
        var action = verb.Length == 0 ? Lower(procedureObject.Text) : $"{Lower(verb)} {procedureObject.Text}";
        AppendDocument(b, $"Đơn đề nghị {action}", 1, 0, string.Create(CultureInfo.InvariantCulture, $"Mẫu số {1 + random.Next(12):D2}"));
        foreach (var document in group.Documents.Where(_ => random.Next(3) > 0))
        {
            AppendDocument(b, document, random.Next(2), 1 + random.Next(2), null);
        }

        foreach (var document in NameParts.CommonDocuments.Where(_ => random.Next(4) == 0))
        {
            AppendDocument(b, document, 0, 1, null);
        }

        b.Append("published_by: ").Append(Quote("Không có quyết định công bố (dữ liệu tổng hợp)")).Append('\n');
        b.Append("source: ").Append(Quote(SyntheticSource)).Append('\n');
        b.Append("---\n");

        b.Append("## Trình tự thực hiện\n\n");
        b.Append("- Bước 1: Tổ chức, cá nhân chuẩn bị hồ sơ theo quy định và nộp tại ").Append(group.Place).Append(" hoặc qua Cổng Dịch vụ công.\n");
        b.Append("- Bước 2: Cán bộ tiếp nhận kiểm tra tính đầy đủ, hợp lệ của hồ sơ; hồ sơ đầy đủ thì cấp Phiếu tiếp nhận và hẹn trả kết quả.\n");
        b.Append("- Bước 3: ").Append(group.AgencyText).Append(" thẩm định hồ sơ và giải quyết yêu cầu ").Append(action).Append(".\n");
        b.Append("- Bước 4: Trả kết quả (").Append(procedureObject.Result).Append(") tại nơi nộp hồ sơ hoặc qua dịch vụ bưu chính công ích.\n\n");
        var extras = random.Next(NameParts.ExtraParagraphs.Count + 1);
        if (extras > 0)
        {
            b.Append("## Lưu ý\n\n");
            foreach (var paragraph in NameParts.ExtraParagraphs.Take(extras))
            {
                b.Append(paragraph).Append("\n\n");
            }
        }

        b.Append('*').Append(SyntheticSource).Append(".*\n");
        return b.ToString();
    }

    private static readonly (string Text, int? Days)[] TimeLimits =
    [
        ("Trong ngày làm việc; trường hợp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo", null),
        ("03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 3),
        ("05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 5),
        ("07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 7),
        ("10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 10),
        ("15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 15),
        ("20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 20),
        ("30 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (không kể thời gian lấy ý kiến)", null),
    ];

    private static readonly (string Text, long[] Amounts)[] Fees =
    [
        ("Không", []),
        ("Miễn phí", []),
        ("Lệ phí: 50.000 đồng/lần", [50_000]),
        ("Lệ phí: 100.000 đồng/giấy phép", [100_000]),
        ("Phí thẩm định: 1.000.000 đồng/hồ sơ", [1_000_000]),
        ("Lệ phí: 100.000 đồng/giấy phép; phí thẩm định: 500.000 đồng/hồ sơ", [100_000, 500_000]),
    ];

    private static void AppendDocument(StringBuilder b, string name, int originals, int copies, string? form)
    {
        b.Append("  - name: ").Append(Quote(name)).Append('\n');
        b.Append("    originals: ").Append(originals.ToString(CultureInfo.InvariantCulture)).Append('\n');
        b.Append("    copies: ").Append(copies.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (form is not null)
        {
            b.Append("    form: ").Append(Quote(form)).Append('\n');
        }
    }

    /// <summary>A YAML double-quoted scalar.</summary>
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string InlineList(IReadOnlyList<string> items, bool quote) =>
        "[" + string.Join(", ", items.Select(item => quote ? Quote(item) : item)) + "]";

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpper(text[0], CultureInfo.GetCultureInfo("vi-VN")).ToString(), text.AsSpan(1));

    private static string Lower(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToLower(text[0], CultureInfo.GetCultureInfo("vi-VN")).ToString(), text.AsSpan(1));

    private static HashSet<string> AgencyCodes(string yaml) =>
        AgencyCodePattern().Matches(yaml).Select(match => match.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    private static void PrepareFolder(string root)
    {
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            if (!File.Exists(Path.Combine(root, MarkerFile)))
            {
                throw new InvalidOperationException(
                    $"{root} is not empty and was not written by this generator ({MarkerFile} missing); choose an empty or new folder.");
            }

            var procedures = Path.Combine(root, "thu-tuc");
            if (Directory.Exists(procedures))
            {
                foreach (var file in Directory.EnumerateFiles(procedures, "*.md"))
                {
                    File.Delete(file);
                }
            }
        }

        Directory.CreateDirectory(root);
    }

    private static bool IsSameOrInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }

    // Agency and group codes in co-quan.yml: "  - code: so-tu-phap".
    [GeneratedRegex(@"^\s*-\s*code:\s*""?([a-z0-9-]+)""?\s*$", RegexOptions.Multiline)]
    private static partial Regex AgencyCodePattern();
}
