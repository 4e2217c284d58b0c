using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TayNinhCchc.Web.Content;
using TayNinhCchc.Web.Data;

namespace TayNinhCchc.Web.Survey;

/// <summary>
/// The published figures of the satisfaction survey, for the public results pages, the open data and the staff
/// dashboard. It reads only the tally tables (<see cref="RatingTally"/>, <see cref="AnswerTally"/>), which hold one
/// row per agency, month and answer value, so its cost does not grow with the number of ratings. Flagged ratings are
/// not in the tallies until accepted on review; demo ratings are, and are counted separately so pages can say so.
/// </summary>
/// <remarks>
/// Formulas (shown on <c>/ket-qua-danh-gia/phuong-phap</c>):
/// <list type="bullet">
/// <item>% satisfied = ratings whose overall answer is a "satisfied" option ÷ n.</item>
/// <item>QĐ 766 rate = (n − ratings with any "not satisfied" answer) ÷ n.</item>
/// <item>Wilson 95% lower bound of % satisfied, z = 1.96.</item>
/// <item>Option share = its count ÷ the answers to that criterion (optional criteria can have fewer than n).</item>
/// <item>18-point index = sum over the TT 01/2018 indices 1–9 that have answers of the mean points (0–2) of each.</item>
/// </list>
/// Ranking: within a <see cref="RankingGroup"/>, agencies with n ≥ <see cref="SurveyOptions.MinimumRatingsForRanking"/>
/// by Wilson lower bound, then % satisfied, then n (all descending); agencies equal on all three share a rank and are
/// listed in Vietnamese alphabetical order. Agencies below the minimum are listed, unranked.
/// </remarks>
public sealed class RatingStatistics(ContentLibrary content, CriteriaRegistry registry, IOptions<SurveyOptions> options)
{
    /// <summary>The normal quantile for a two-sided 95% interval.</summary>
    public const double Z95 = 1.96;

    private static readonly StringComparer VietnameseOrder = StringComparer.Create(new CultureInfo("vi-VN"), ignoreCase: true);

    public int MinimumRatingsForRanking => options.Value.MinimumRatingsForRanking;

    /// <summary>
    /// Fewest answers behind a published figure drawn from the answers themselves (counts per option, shares, the
    /// TT 01/2018 score): the ranking's minimum n. Below it one citizen's answers could be read off the figures (an
    /// agency with n = 1 would show exactly what that citizen chose), so the public pages and the open data publish n
    /// and say the rest is withheld.
    /// </summary>
    public int MinimumForPublication => Math.Max(1, MinimumRatingsForRanking);

    /// <summary>True when figures drawn from <paramref name="answers"/> answers may be published.</summary>
    public bool Publishes(int answers) => answers >= MinimumForPublication;

    /// <summary>
    /// Lower end of the Wilson score interval for <paramref name="successes"/> out of <paramref name="n"/>: a share
    /// from few ratings is pulled down more than the same share from many, so a 3-out-of-3 agency does not outrank a
    /// 95-out-of-100 one.
    /// </summary>
    public static double WilsonLowerBound(int successes, int n, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, n);
        var p = (double)successes / n;
        var z2 = z * z;
        var centre = p + (z2 / (2 * n));
        var margin = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n)));
        return (centre - margin) / (1 + (z2 / n));
    }

    /// <summary>
    /// The ranking of one group of agencies over one period, with the group's totals (its per-criterion figures:
    /// <see cref="ReportAsync"/> with the group's agency codes).
    /// </summary>
    public async Task<Ranking> RankAsync(PortalDbContext db, RankingGroup group, ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        // Each code once, under the name of its last record in force during the period (a period spanning 01/7/2025
        // may see two records of one code); a code with no record in the period keeps its latest one.
        var members = content.Current.RecordsByCode.Values
            .Select(history => history.LastOrDefault(record => record.Overlaps(period.Start, period.End)) ?? history[^1])
            .Where(agency => group.Includes(agency))
            .ToList();
        var codes = members.Select(agency => agency.Code).ToList();
        var totals = await TotalsByAgencyAsync(db, codes, period.First, period.Last, cancellationToken);
        var answers = await AnswersAsync(db, codes, period.First, period.Last, cancellationToken);
        var sets = await DefinitionsAsync(db, answers, cancellationToken);
        var answersByAgency = answers.ToLookup(answer => answer.AgencyCode, StringComparer.Ordinal);

        // An agency is listed when it existed during the period, or when it has ratings in it whatever its dates say.
        var rows = members
            .Where(agency => totals.ContainsKey(agency.Code)
                || agency.Overlaps(period.Start, period.End))
            .Select(agency => new RankingRow(
                agency,
                totals.GetValueOrDefault(agency.Code, RatingTotals.None),
                Breakdown(answersByAgency[agency.Code], sets, MinimumForPublication).Tt01,
                Rank: null))
            .ToList();

        // An agency without ratings has no figures to rank by, whatever the setting says.
        var minimum = MinimumForPublication;
        var ranked = rows.Where(row => row.Totals.Ratings >= minimum)
            .Order(RankingOrder)
            .ToList();
        for (var i = 0; i < ranked.Count; i++)
        {
            var sharesRank = i > 0 && CompareFigures(ranked[i - 1].Totals, ranked[i].Totals) == 0;
            ranked[i] = ranked[i] with { Rank = sharesRank ? ranked[i - 1].Rank : i + 1 };
        }

        var unranked = rows.Where(row => row.Totals.Ratings < minimum)
            .OrderBy(row => row.Agency.Name, VietnameseOrder)
            .ToList();
        var groupTotals = rows.Aggregate(RatingTotals.None, (sum, row) => sum.Add(row.Totals));
        return new Ranking(group, period, minimum, ranked, unranked, groupTotals);
    }

    /// <summary>The figures of one agency, or of several taken together, over one period.</summary>
    public async Task<RatingReport> ReportAsync(PortalDbContext db, IReadOnlyCollection<string> agencyCodes, ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var totals = await TotalsByAgencyAsync(db, agencyCodes, period.First, period.Last, cancellationToken);
        var answers = await AnswersAsync(db, agencyCodes, period.First, period.Last, cancellationToken);
        var sets = await DefinitionsAsync(db, answers, cancellationToken);
        return new RatingReport(period, totals.Values.Aggregate(RatingTotals.None, (sum, next) => sum.Add(next)), Breakdown(answers, sets, MinimumForPublication));
    }

    /// <summary>Totals per month from <paramref name="last"/> back over <paramref name="months"/> months; empty months are zero.</summary>
    public async Task<IReadOnlyList<MonthlyTotals>> TrendAsync(PortalDbContext db, IReadOnlyCollection<string> agencyCodes, YearMonth last, int months, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(months);
        var first = last.AddMonths(-(months - 1));
        var byMonth = (await TotalsQuery(db, first, last).Where(tally => agencyCodes.Contains(tally.AgencyCode))
                .GroupBy(tally => new { tally.Year, tally.Month })
                .Select(group => new
                {
                    group.Key.Year,
                    group.Key.Month,
                    Ratings = group.Sum(tally => tally.Ratings),
                    Satisfied = group.Sum(tally => tally.Satisfied),
                    Dissatisfied = group.Sum(tally => tally.Dissatisfied),
                    Demo = group.Sum(tally => tally.Demo),
                })
                .ToListAsync(cancellationToken))
            .ToDictionary(row => new YearMonth(row.Year, row.Month), row => new RatingTotals(row.Ratings, row.Satisfied, row.Dissatisfied, row.Demo));
        return YearMonth.Range(first, last).Select(month => new MonthlyTotals(month, byMonth.GetValueOrDefault(month, RatingTotals.None))).ToList();
    }

    /// <summary>Totals of the ratings that named <paramref name="procedureCode"/>, across agencies.</summary>
    public async Task<RatingTotals> ProcedureTotalsAsync(PortalDbContext db, string procedureCode, YearMonth first, YearMonth last, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrEmpty(procedureCode);
        var row = await InRange(db.RatingTallies.AsNoTracking().Where(tally => tally.ProcedureCode == procedureCode), first, last)
            .GroupBy(tally => tally.ProcedureCode)
            .Select(group => new RatingTotals(
                group.Sum(tally => tally.Ratings),
                group.Sum(tally => tally.Satisfied),
                group.Sum(tally => tally.Dissatisfied),
                group.Sum(tally => tally.Demo)))
            .FirstOrDefaultAsync(cancellationToken);
        return row ?? RatingTotals.None;
    }

    /// <summary>Every agency and month with ratings, with its option counts: the open data.</summary>
    public async Task<IReadOnlyList<AgencyMonth>> AllMonthsAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var totals = await db.RatingTallies.AsNoTracking()
            .Where(tally => tally.ProcedureCode == string.Empty)
            .Select(tally => new { tally.AgencyCode, tally.Year, tally.Month, Totals = new RatingTotals(tally.Ratings, tally.Satisfied, tally.Dissatisfied, tally.Demo) })
            .ToListAsync(cancellationToken);
        var answers = await db.AnswerTallies.AsNoTracking()
            .Select(tally => new { tally.AgencyCode, tally.Year, tally.Month, Answer = new AnswerCount(tally.AgencyCode, tally.CriteriaVersion, tally.CriterionCode, tally.Value, tally.Count) })
            .ToListAsync(cancellationToken);
        var sets = await DefinitionsAsync(db, answers.Select(row => row.Answer), cancellationToken);
        var answersByMonth = answers.ToLookup(row => (row.AgencyCode, row.Year, row.Month), row => row.Answer);
        return totals
            .OrderBy(row => row.AgencyCode, StringComparer.Ordinal).ThenBy(row => row.Year).ThenBy(row => row.Month)
            .Select(row => new AgencyMonth(row.AgencyCode, new YearMonth(row.Year, row.Month), row.Totals, Breakdown(answersByMonth[(row.AgencyCode, row.Year, row.Month)], sets, MinimumForPublication)))
            .ToList();
    }

    /// <summary>
    /// A value that changes whenever the agency tallies change (they only grow, one rating at a time): lets the open
    /// data be rebuilt only when there is something new.
    /// </summary>
    public async Task<string> TallyVersionAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.RatingTallies.AsNoTracking()
            .Where(tally => tally.ProcedureCode == string.Empty)
            .GroupBy(tally => tally.ProcedureCode)
            .Select(group => new
            {
                Rows = group.Count(),
                Ratings = group.Sum(tally => tally.Ratings),
                Satisfied = group.Sum(tally => tally.Satisfied),
                Dissatisfied = group.Sum(tally => tally.Dissatisfied),
                Demo = group.Sum(tally => tally.Demo),
                Weighted = group.Sum(tally => (long)tally.Ratings * ((tally.Year * 12) + tally.Month)),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? "0" : FormattableString.Invariant($"{row.Rows}-{row.Ratings}-{row.Satisfied}-{row.Dissatisfied}-{row.Demo}-{row.Weighted}");
    }

    /// <summary>Best first: Wilson lower bound, % satisfied, n (all descending), then the name in Vietnamese order.</summary>
    public static IComparer<RankingRow> RankingOrder { get; } = Comparer<RankingRow>.Create((a, b) =>
    {
        var figures = CompareFigures(a.Totals, b.Totals);
        return figures != 0 ? figures : VietnameseOrder.Compare(a.Agency.Name, b.Agency.Name);
    });

    /// <summary>Negative when <paramref name="a"/> ranks above <paramref name="b"/>; 0 when they share a rank.</summary>
    private static int CompareFigures(RatingTotals a, RatingTotals b)
    {
        var wilson = Nullable.Compare(b.WilsonLowerBound, a.WilsonLowerBound);
        if (wilson != 0)
        {
            return wilson;
        }

        // Exact comparison of the two fractions, so equal shares are equal whatever the rounding.
        var share = ((long)b.Satisfied * a.Ratings).CompareTo((long)a.Satisfied * b.Ratings);
        return share != 0 ? share : b.Ratings.CompareTo(a.Ratings);
    }

    private static IQueryable<RatingTally> TotalsQuery(PortalDbContext db, YearMonth first, YearMonth last) =>
        InRange(db.RatingTallies.AsNoTracking().Where(tally => tally.ProcedureCode == string.Empty), first, last);

    // The Year bounds come first so the database can seek on the (…, Year, Month) keys; the month tests then trim the ends.
    private static IQueryable<RatingTally> InRange(IQueryable<RatingTally> query, YearMonth first, YearMonth last) =>
        query.Where(tally => tally.Year >= first.Year && tally.Year <= last.Year
            && (tally.Year > first.Year || tally.Month >= first.Month)
            && (tally.Year < last.Year || tally.Month <= last.Month));

    private static IQueryable<AnswerTally> InRange(IQueryable<AnswerTally> query, YearMonth first, YearMonth last) =>
        query.Where(tally => tally.Year >= first.Year && tally.Year <= last.Year
            && (tally.Year > first.Year || tally.Month >= first.Month)
            && (tally.Year < last.Year || tally.Month <= last.Month));

    private static async Task<Dictionary<string, RatingTotals>> TotalsByAgencyAsync(PortalDbContext db, IReadOnlyCollection<string> codes, YearMonth first, YearMonth last, CancellationToken cancellationToken) =>
        await TotalsQuery(db, first, last)
            .Where(tally => codes.Contains(tally.AgencyCode))
            .GroupBy(tally => tally.AgencyCode)
            .Select(group => new
            {
                group.Key,
                Totals = new RatingTotals(
                    group.Sum(tally => tally.Ratings),
                    group.Sum(tally => tally.Satisfied),
                    group.Sum(tally => tally.Dissatisfied),
                    group.Sum(tally => tally.Demo)),
            })
            .ToDictionaryAsync(row => row.Key, row => row.Totals, StringComparer.Ordinal, cancellationToken);

    private static async Task<List<AnswerCount>> AnswersAsync(PortalDbContext db, IReadOnlyCollection<string> codes, YearMonth first, YearMonth last, CancellationToken cancellationToken) =>
        await InRange(db.AnswerTallies.AsNoTracking(), first, last)
            .Where(tally => codes.Contains(tally.AgencyCode))
            .GroupBy(tally => new { tally.AgencyCode, tally.CriteriaVersion, tally.CriterionCode, tally.Value })
            .Select(group => new AnswerCount(group.Key.AgencyCode, group.Key.CriteriaVersion, group.Key.CriterionCode, group.Key.Value, group.Sum(tally => tally.Count)))
            .ToListAsync(cancellationToken);

    private async Task<Dictionary<string, CriteriaSet>> DefinitionsAsync(PortalDbContext db, IEnumerable<AnswerCount> answers, CancellationToken cancellationToken)
    {
        var sets = new Dictionary<string, CriteriaSet>(StringComparer.Ordinal);
        foreach (var version in answers.Select(answer => answer.Version).Distinct(StringComparer.Ordinal))
        {
            if (await registry.ByVersionAsync(db, version, cancellationToken) is { } set)
            {
                sets[version] = set;
            }
        }

        return sets;
    }

    /// <summary>Per criterion and option, for every version answered; versions in the order they came into force.</summary>
    private static CriteriaBreakdown Breakdown(IEnumerable<AnswerCount> answers, Dictionary<string, CriteriaSet> sets, int minimum)
    {
        var counts = answers
            .GroupBy(answer => (answer.Version, answer.Criterion, answer.Value))
            .ToDictionary(group => group.Key, group => group.Sum(answer => answer.Count));
        var results = new List<CriterionResult>();
        // A version without a definition cannot be labelled; it is only possible if the frozen copy was deleted by hand.
        foreach (var set in counts.Keys.Select(key => key.Version).Distinct(StringComparer.Ordinal)
                     .Where(sets.ContainsKey).Select(version => sets[version]).OrderBy(set => set.ValidFrom))
        {
            for (var i = 0; i < set.Criteria.Count; i++)
            {
                var criterion = set.Criteria[i];
                var optionCounts = criterion.Options
                    .Select(option => (option, count: counts.GetValueOrDefault((set.Version, criterion.Code, option.Value))))
                    .ToList();
                var total = optionCounts.Sum(pair => pair.count);
                results.Add(new CriterionResult(
                    set.Version,
                    i + 1,
                    criterion,
                    total,
                    optionCounts.Select(pair => new OptionResult(pair.option, pair.count, total == 0 ? null : (double)pair.count / total)).ToList()));
            }
        }

        return new CriteriaBreakdown(results, minimum);
    }

    /// <summary>How often one answer value was given to one agency over the period queried.</summary>
    private sealed record AnswerCount(string AgencyCode, string Version, string Criterion, int Value, int Count);
}

/// <summary>Counts over a period for an agency, a group or a procedure, and the rates derived from them.</summary>
public sealed record RatingTotals(int Ratings, int Satisfied, int Dissatisfied, int Demo)
{
    public static RatingTotals None { get; } = new(0, 0, 0, 0);

    /// <summary>Share of ratings whose overall answer is "satisfied"; null without ratings.</summary>
    public double? SatisfiedShare => Ratings == 0 ? null : (double)Satisfied / Ratings;

    /// <summary>QĐ 766/QĐ-TTg: (n − ratings with a "not satisfied" answer) ÷ n; null without ratings.</summary>
    public double? Qd766Rate => Ratings == 0 ? null : (double)(Ratings - Dissatisfied) / Ratings;

    /// <summary>Wilson 95% lower bound of <see cref="SatisfiedShare"/>; null without ratings.</summary>
    public double? WilsonLowerBound => Ratings == 0 ? null : RatingStatistics.WilsonLowerBound(Satisfied, Ratings);

    public RatingTotals Add(RatingTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Ratings + other.Ratings, Satisfied + other.Satisfied, Dissatisfied + other.Dissatisfied, Demo + other.Demo);
    }
}

/// <summary>How one criterion of one version was answered.</summary>
/// <param name="Version">The criteria-set version the answers belong to.</param>
/// <param name="Number">The criterion's position in its version (1-based), as numbered on the form.</param>
/// <param name="Criterion">The criterion as that version defines it.</param>
/// <param name="Answers">Ratings that answered it: n for required criteria, possibly fewer for optional ones.</param>
/// <param name="Options">Every option of the criterion, answered or not, in the form's order.</param>
public sealed record CriterionResult(string Version, int Number, Criterion Criterion, int Answers, IReadOnlyList<OptionResult> Options)
{
    /// <summary>Mean points of the answers, for criteria whose options carry points; null otherwise or without answers.</summary>
    public double? MeanPoints => Answers == 0 || Criterion.MaxPoints is null
        ? null
        : (double)Options.Sum(option => (option.Option.Points ?? 0) * option.Count) / Answers;
}

/// <summary>One option's count and its share of the criterion's answers (null when nobody answered).</summary>
public sealed record OptionResult(CriterionOption Option, int Count, double? Share);

/// <summary>The 18-point index of TT 01/2018: the mean points of each index summed (each 0–2).</summary>
/// <param name="Points">The sum, out of 2 × <paramref name="IndicesAnswered"/>.</param>
/// <param name="IndicesAnswered">How many of the 9 indices had enough answers to count; the sum covers only those.</param>
public sealed record Tt01Score(double Points, int IndicesAnswered)
{
    public const int Indices = 9;

    public const int MaxPoints = 18;
}

/// <summary>The per-criterion results of a period and the TT 01/2018 index computed from them.</summary>
/// <param name="Criteria">Every criterion of every version answered, in order.</param>
/// <param name="Minimum">Fewest answers an index needs to count in the score (<see cref="RatingStatistics.MinimumForPublication"/>).</param>
public sealed record CriteriaBreakdown(IReadOnlyList<CriterionResult> Criteria, int Minimum)
{
    /// <summary>
    /// Sum of the mean points of indices 1–9 that have at least <see cref="Minimum"/> answers; an index asked in
    /// several versions is pooled over them (its points mean the same). An index with fewer answers is left out, as
    /// its own figures are: otherwise its mean could be read off the sum. Null when no index qualifies.
    /// </summary>
    public Tt01Score? Tt01 { get; } = Score(Criteria, Math.Max(1, Minimum));

    private static Tt01Score? Score(IReadOnlyList<CriterionResult> criteria, int minimum)
    {
        var means = criteria
            .Where(result => result.Criterion.Tt01Index is not null)
            .GroupBy(result => result.Criterion.Tt01Index!.Value)
            .Where(index => index.Sum(result => result.Answers) >= minimum)
            .Select(index => (double)index.Sum(result => result.Options.Sum(option => (option.Option.Points ?? 0) * option.Count))
                / index.Sum(result => result.Answers))
            .ToList();
        return means.Count == 0 ? null : new Tt01Score(means.Sum(), means.Count);
    }
}

/// <summary>An agency's (or a set of agencies') figures over a period.</summary>
public sealed record RatingReport(ReportingPeriod Period, RatingTotals Totals, CriteriaBreakdown Criteria);

/// <summary>One month of a trend.</summary>
public sealed record MonthlyTotals(YearMonth Month, RatingTotals Totals);

/// <summary>One agency's month: the open-data record.</summary>
public sealed record AgencyMonth(string AgencyCode, YearMonth Month, RatingTotals Totals, CriteriaBreakdown Criteria);

/// <summary>One line of a ranking; <see cref="Rank"/> is null for agencies below the minimum n.</summary>
public sealed record RankingRow(Agency Agency, RatingTotals Totals, Tt01Score? Tt01, int? Rank);

/// <summary>A group's ranking over a period: ranked agencies best first, then the unranked ones by name.</summary>
public sealed record Ranking(
    RankingGroup Group,
    ReportingPeriod Period,
    int Minimum,
    IReadOnlyList<RankingRow> Ranked,
    IReadOnlyList<RankingRow> Unranked,
    RatingTotals GroupTotals);
