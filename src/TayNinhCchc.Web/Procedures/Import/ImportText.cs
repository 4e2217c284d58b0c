using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TayNinhCchc.Web.Infrastructure;

namespace TayNinhCchc.Web.Procedures.Import;

/// <summary>What a group row ("I. THỦ TỤC HÀNH CHÍNH CẤP TỈNH", "Lĩnh vực: Hộ tịch — Cấp thực hiện: Cấp xã") says.</summary>
/// <param name="Levels">Level codes the heading names (tinh, huyen, xa), in that order; empty when it names none.</param>
/// <param name="Field">The lĩnh vực it names, or null.</param>
/// <param name="Shared">"Áp dụng chung" / "dùng chung": the rows below belong to several levels the heading may not name.</param>
/// <param name="LooksLikeHeading">Whether the text reads as a heading at all (numbering, "thủ tục hành chính", "danh mục"…).</param>
internal sealed record GroupHeading(IReadOnlyList<string> Levels, string? Field, bool Shared, bool LooksLikeHeading);

/// <summary>
/// The text rules of the importer: matching without diacritics, group headings, and the few values derived from the
/// verbatim cells (online level, channels, working days, fee amounts, legal basis items). A value is derived only
/// when the text states it explicitly; otherwise it stays empty.
/// </summary>
internal static partial class ImportText
{
    /// <summary>Level codes in the order they are written.</summary>
    public static readonly IReadOnlyList<string> LevelOrder = ["tinh", "huyen", "xa"];

    /// <summary>
    /// Lower-cases and removes diacritics character by character (after NFC), so that an index in the result is the
    /// same index in the NFC text. Runs of whitespace become one space.
    /// </summary>
    public static string FoldForMatching(string text)
    {
        var nfc = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(nfc.Length);
        foreach (var c in nfc)
        {
            builder.Append(FoldChar(c));
        }

        return WhitespaceRun().Replace(builder.ToString(), " ");
    }

    /// <summary>Folds one character; precomposed Vietnamese letters fold to one ASCII letter.</summary>
    private static char FoldChar(char c)
    {
        if (char.IsWhiteSpace(c))
        {
            return ' ';
        }

        var folded = VietnameseText.Fold(c.ToString());
        return folded.Length == 1 ? folded[0] : char.ToLowerInvariant(c);
    }

    /// <summary>Same-length fold (no whitespace collapsing), for finding positions in the original text.</summary>
    private static string FoldSameLength(string nfc)
    {
        var chars = new char[nfc.Length];
        for (var i = 0; i < nfc.Length; i++)
        {
            chars[i] = FoldChar(nfc[i]);
        }

        return new string(chars);
    }

    public static GroupHeading ParseHeading(string text)
    {
        var nfc = text.Normalize(NormalizationForm.FormC).Trim();
        var folded = FoldSameLength(nfc);

        string? field = null;
        var levelText = folded;
        var fieldAt = folded.IndexOf("linh vuc", StringComparison.Ordinal);
        if (fieldAt >= 0)
        {
            var start = fieldAt + "linh vuc".Length;
            var end = nfc.Length;
            var levelPart = folded.IndexOf("cap thuc hien", start, StringComparison.Ordinal);
            if (levelPart >= 0)
            {
                end = levelPart;
            }

            var dash = nfc.IndexOfAny(['—', '–'], start);
            if (dash >= 0 && dash < end)
            {
                end = dash;
            }

            var raw = nfc[start..end].Trim().TrimStart(':').Trim().TrimEnd('—', '–', '-', ',', ';', ':', '.').Trim();
            raw = CountSuffix().Replace(raw, string.Empty).Trim();
            if (raw.Length > 0)
            {
                field = SentenceCase(raw);
            }

            // Levels are read from the rest of the heading, not from the field's own name.
            levelText = string.Concat(folded.AsSpan(0, fieldAt), " ", folded.AsSpan(end));
        }

        var levels = new List<string>();
        foreach (Match match in LevelWords().Matches(levelText))
        {
            var code = match.Groups[1].Value switch
            {
                "tinh" => "tinh",
                "huyen" => "huyen",
                _ => "xa",
            };
            if (!levels.Contains(code))
            {
                levels.Add(code);
            }
        }

        levels.Sort((a, b) => LevelRank(a).CompareTo(LevelRank(b)));
        var shared = folded.Contains("ap dung chung", StringComparison.Ordinal) || folded.Contains("dung chung", StringComparison.Ordinal);
        var looksLikeHeading = field is not null || levels.Count > 0 || shared
            || folded.Contains("thu tuc hanh chinh", StringComparison.Ordinal)
            || folded.Contains("danh muc", StringComparison.Ordinal)
            || folded.Contains("tthc", StringComparison.Ordinal)
            || Numbering().IsMatch(nfc);
        return new GroupHeading(levels, field, shared, looksLikeHeading);
    }

    /// <summary>
    /// The levels a row's place or agency cell names ("tại Trung tâm … của tỉnh; của các xã, phường" → tinh, xa), for
    /// rows under an "áp dụng chung" heading, which name their places instead of a level.
    /// </summary>
    public static IReadOnlyList<string> LevelsNamedIn(params string[] cells)
    {
        var levels = new List<string>();
        foreach (var cell in cells)
        {
            foreach (Match match in PlaceLevelWords().Matches(FoldForMatching(cell)))
            {
                if (!levels.Contains(match.Groups[1].Value))
                {
                    levels.Add(match.Groups[1].Value);
                }
            }
        }

        levels.Sort((a, b) => LevelRank(a).CompareTo(LevelRank(b)));
        return levels;
    }

    public static int LevelRank(string level) => level switch
    {
        "tinh" => 0,
        "huyen" => 1,
        _ => 2,
    };

    /// <summary>"CHỨNG THỰC" → "Chứng thực"; "đầu tư (PPP)" → "Đầu tư (PPP)"; mixed case is kept.</summary>
    public static string SentenceCase(string text)
    {
        var hasLower = text.Any(char.IsLower);
        var body = hasLower ? text : text.ToLower(CultureInfo.InvariantCulture);
        return body.Length == 0 ? body : char.ToUpper(body[0], CultureInfo.InvariantCulture) + body[1..];
    }

    /// <summary>"Toàn trình" → toan-trinh, "Một phần" → mot-phan; both or neither → unknown (null).</summary>
    public static string? OnlineLevel(string onlineCell)
    {
        var folded = FoldForMatching(onlineCell);
        var full = folded.Contains("toan trinh", StringComparison.Ordinal);
        var partial = folded.Contains("mot phan", StringComparison.Ordinal);
        return (full, partial) switch
        {
            (true, false) => "toan-trinh",
            (false, true) => "mot-phan",
            _ => null,
        };
    }

    /// <summary>"Mức độ 3", "Mức độ DVC: 4" (before Nghị định 42/2022) → 3, 4; several different levels → unknown.</summary>
    public static int? LegacyOnlineLevel(string onlineCell)
    {
        var found = LegacyLevel().Matches(FoldForMatching(onlineCell))
            .Select(match => int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture))
            .Distinct()
            .ToList();
        return found.Count == 1 ? found[0] : null;
    }

    /// <summary>
    /// Channels named in the given texts: "trực tiếp" → truc-tiep, "bưu chính"/"qua (đường) bưu điện" → buu-chinh,
    /// "trực tuyến" → truc-tuyen. A word negated in its own clause ("không … trực tuyến") does not count.
    /// </summary>
    public static IReadOnlyList<string> Channels(params string[] texts)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var folded = FoldForMatching(text);
            foreach (var (pattern, code) in ChannelWords)
            {
                foreach (Match match in pattern.Matches(folded))
                {
                    if (!NegatedInClause(folded, match.Index))
                    {
                        found.Add(code);
                    }
                }
            }
        }

        return ChannelOrder.Where(found.Contains).ToList();
    }

    private static readonly string[] ChannelOrder = ["truc-tiep", "buu-chinh", "truc-tuyen"];

    private static readonly (Regex Pattern, string Code)[] ChannelWords =
    [
        (ChannelInPerson(), "truc-tiep"),
        (ChannelPost(), "buu-chinh"),
        (ChannelOnline(), "truc-tuyen"),
    ];

    private static bool NegatedInClause(string folded, int index)
    {
        var clauseStart = folded.LastIndexOfAny([';', '.', ',', '\n', '(', ':'], Math.Max(0, index - 1)) + 1;
        if (clauseStart > index)
        {
            clauseStart = index;
        }

        return NegationWord().IsMatch(folded[clauseStart..index]);
    }

    /// <summary>
    /// The number of working days when the whole text is just that: "Trong thời hạn 15 ngày làm việc, kể từ ngày nhận
    /// đủ hồ sơ", "Không quá 05 ngày làm việc". Anything with conditions, alternatives or extensions → null.
    /// </summary>
    public static int? WorkingDays(string timeLimit)
    {
        var folded = FoldForMatching(timeLimit).Trim();
        var match = WorkingDaysOnly().Match(folded);
        if (!match.Success)
        {
            return null;
        }

        var tail = match.Groups["tail"].Value;
        if (tail.Contains("hoac", StringComparison.Ordinal) || tail.Contains("truong hop", StringComparison.Ordinal)
            || tail.Contains("keo dai", StringComparison.Ordinal))
        {
            return null;
        }

        var days = int.Parse(match.Groups["days"].Value, CultureInfo.InvariantCulture);
        return days > 0 ? days : null;
    }

    /// <summary>
    /// The amount in đồng when the fee text names exactly one amount (possibly repeated) and no other currency:
    /// "50.000 đồng/ giao dịch" → [50000]; "2.000 đồng/trang; … 1.000 đồng/trang" or "10 USD" → [].
    /// </summary>
    public static IReadOnlyList<long> FeeAmounts(string fee)
    {
        if (ForeignCurrency().IsMatch(fee))
        {
            return [];
        }

        var amounts = new HashSet<long>();
        foreach (Match match in MoneyAmount().Matches(fee.Normalize(NormalizationForm.FormC)))
        {
            var digits = new string(match.Groups[1].Value.Where(char.IsAsciiDigit).ToArray());
            if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount > 0)
            {
                amounts.Add(amount);
            }
        }

        return amounts.Count == 1 ? [amounts.First()] : [];
    }

    /// <summary>
    /// One item per line of the Căn cứ pháp lý cell, and one per bullet when a line is a flattened bulleted list
    /// ("- Nghị định … - Thông tư …"). The bullet and a trailing ";" are removed; the item text is kept as it is.
    /// </summary>
    public static IReadOnlyList<string> LegalBasisItems(string text)
    {
        var items = new List<string>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var bullet = LeadingBullet().Match(line);
            var parts = bullet.Success
                ? Regex.Split(line, @"(?:^|(?<=\s))" + Regex.Escape(bullet.Groups[1].Value) + @"\s+", RegexOptions.None, TimeSpan.FromSeconds(1))
                : [line];
            foreach (var part in parts)
            {
                var item = part.Trim().TrimEnd(';').Trim();
                if (item.Length > 0)
                {
                    items.Add(item);
                }
            }
        }

        return items;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    [GeneratedRegex(@"\s*\(\s*\d+\s*tthc\s*\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CountSuffix();

    [GeneratedRegex(@"\bcap (tinh|huyen|xa)\b")]
    private static partial Regex LevelWords();

    // Places named in a cell: "UBND cấp xã", "Trung tâm … của tỉnh; của các xã, phường", "Ủy ban nhân dân huyện".
    [GeneratedRegex(@"\b(?:cap|cua|ubnd|uy ban nhan dan|cac) (tinh|huyen|xa)\b")]
    private static partial Regex PlaceLevelWords();

    // "I", "II.1", "A.", "B", "1." at the start, followed by a space.
    [GeneratedRegex(@"^(?:[IVXLC]+|[A-Z]|\d+)(?:\.\d+)*\.?\s")]
    private static partial Regex Numbering();

    [GeneratedRegex(@"\bmuc do(?: dvc)?\s*:?\s*([1-4])\b")]
    private static partial Regex LegacyLevel();

    [GeneratedRegex(@"\btruc tiep\b")]
    private static partial Regex ChannelInPerson();

    [GeneratedRegex(@"\bbuu chinh\b|\bqua (?:duong )?buu dien\b")]
    private static partial Regex ChannelPost();

    [GeneratedRegex(@"\btruc tuyen\b")]
    private static partial Regex ChannelOnline();

    [GeneratedRegex(@"\bkhong\b")]
    private static partial Regex NegationWord();

    [GeneratedRegex(@"^(?:trong vong |trong thoi han |trong |khong qua |toi da )?(?<days>\d{1,3})(?: \([a-z ]+\))? ngay lam viec(?<tail>,? (?:ke )?tu (?:ngay|khi) [^0-9.;]*)?[.;]?$")]
    private static partial Regex WorkingDaysOnly();

    [GeneratedRegex(@"(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:đồng|đ\b|vnđ|vnd\b|việt nam đồng)", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyAmount();

    [GeneratedRegex(@"\b(?:usd|eur|đô la)\b|\$", RegexOptions.IgnoreCase)]
    private static partial Regex ForeignCurrency();

    [GeneratedRegex(@"^([-+•*])\s")]
    private static partial Regex LeadingBullet();
}
