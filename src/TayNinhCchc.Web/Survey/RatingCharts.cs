using System.Globalization;
using System.Security;
using System.Text;
using TayNinhCchc.Web.Infrastructure;

namespace TayNinhCchc.Web.Survey;

/// <summary>
/// Charts of the results drawn on the server as inline SVG: they need no script, pass the CSP (colours come from
/// classes in site.css) and print. Each is an image with a title and a description that reads out every figure; the
/// pages also show the same figures as a table.
/// </summary>
public static class RatingCharts
{
    private const int TrendWidth = 340;
    private const int TrendPlotLeft = 32;
    private const int TrendPlotRight = 336;
    private const int TrendPlotTop = 16;
    private const int TrendPlotBottom = 150;

    private const int CriteriaBarLeft = 52;
    private const int CriteriaBarWidth = 284;
    private const int CriteriaRowHeight = 26;

    /// <summary>
    /// Bars of % satisfied per month, with n under each month; a month with fewer than <paramref name="minimum"/>
    /// ratings has no bar (its share is withheld, see <see cref="RatingStatistics.MinimumForPublication"/>).
    /// </summary>
    public static string Trend(IReadOnlyList<MonthlyTotals> months, int minimum, string id, string title)
    {
        ArgumentNullException.ThrowIfNull(months);
        var description = string.Join("; ", months.Select(month =>
            month.Totals.Ratings == 0 ? $"{month.Month.Label}: chưa có phiếu"
            : month.Totals.Ratings < minimum ? $"{month.Month.Label}: n = {VietnameseText.Number(month.Totals.Ratings)}, tỷ lệ {RatingText.Withheld(minimum)}"
            : $"{month.Month.Label}: {VietnameseText.Percent(month.Totals.SatisfiedShare ?? 0)} hài lòng (n = {VietnameseText.Number(month.Totals.Ratings)})"));
        var svg = Open(id, title, description + ".", TrendWidth, 200);

        foreach (var (share, y) in new[] { (0, TrendPlotBottom), (50, (TrendPlotTop + TrendPlotBottom) / 2), (100, TrendPlotTop) })
        {
            svg.Append(Invariant($"<line class=\"chart__grid\" x1=\"{TrendPlotLeft}\" x2=\"{TrendPlotRight}\" y1=\"{y}\" y2=\"{y}\" />"));
            svg.Append(Invariant($"<text class=\"chart__axis\" x=\"{TrendPlotLeft - 4}\" y=\"{y + 3}\" text-anchor=\"end\">{share}%</text>"));
        }

        var slot = (double)(TrendPlotRight - TrendPlotLeft) / Math.Max(1, months.Count);
        var barWidth = slot * 0.64;
        svg.Append(Invariant($"<text class=\"chart__axis\" x=\"{TrendPlotLeft - 4}\" y=\"192\" text-anchor=\"end\">n</text>"));
        for (var i = 0; i < months.Count; i++)
        {
            var (month, totals) = (months[i].Month, months[i].Totals);
            var centre = TrendPlotLeft + (slot * (i + 0.5));
            if (totals.Ratings >= minimum && totals.SatisfiedShare is { } share)
            {
                var height = share * (TrendPlotBottom - TrendPlotTop);
                var top = TrendPlotBottom - height;
                svg.Append(Invariant($"<rect class=\"chart__bar\" x=\"{centre - (barWidth / 2):0.#}\" y=\"{top:0.#}\" width=\"{barWidth:0.#}\" height=\"{height:0.#}\" />"));
                svg.Append(Invariant($"<text class=\"chart__value\" x=\"{centre:0.#}\" y=\"{top - 3:0.#}\" text-anchor=\"middle\">{Math.Round(share * 100, MidpointRounding.AwayFromZero)}%</text>"));
            }

            svg.Append(Invariant($"<text class=\"chart__axis\" x=\"{centre:0.#}\" y=\"164\" text-anchor=\"middle\">{month.Month:D2}</text>"));
            if (i == 0 || month.Month == 1)
            {
                svg.Append(Invariant($"<text class=\"chart__axis chart__axis--year\" x=\"{centre:0.#}\" y=\"177\" text-anchor=\"middle\">{month.Year}</text>"));
            }

            svg.Append(Invariant($"<text class=\"chart__axis\" x=\"{centre:0.#}\" y=\"192\" text-anchor=\"middle\">{(totals.Ratings == 0 ? "–" : VietnameseText.Number(totals.Ratings))}</text>"));
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// One bar per criterion, split into its options' shares, best option darkest; a criterion with fewer than
    /// <paramref name="minimum"/> answers shows that its shares are withheld.
    /// </summary>
    public static string Criteria(IReadOnlyList<CriterionResult> criteria, int minimum, string id, string title)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var description = string.Join(" ", criteria.Select(result => result.Answers == 0
            ? $"Câu {result.Number}: chưa có trả lời."
            : result.Answers < minimum
            ? $"Câu {result.Number} ({VietnameseText.Number(result.Answers)} trả lời): tỷ lệ {RatingText.Withheld(minimum)}."
            : $"Câu {result.Number} ({VietnameseText.Number(result.Answers)} trả lời): "
              + string.Join("; ", result.Options.Select(option => $"{option.Option.Label} {VietnameseText.Percent(option.Share ?? 0)}")) + "."));
        var svg = Open(id, title, description, CriteriaBarLeft + CriteriaBarWidth + 4, (criteria.Count * CriteriaRowHeight) + 4);

        for (var row = 0; row < criteria.Count; row++)
        {
            var result = criteria[row];
            var y = 4 + (row * CriteriaRowHeight);
            svg.Append(Invariant($"<text class=\"chart__axis\" x=\"{CriteriaBarLeft - 6}\" y=\"{y + 12}\" text-anchor=\"end\">Câu {result.Number}</text>"));
            if (result.Answers < minimum || result.Answers == 0)
            {
                var note = result.Answers == 0 ? "chưa có trả lời" : RatingText.Withheld(minimum);
                svg.Append(Invariant($"<rect class=\"chart__empty\" x=\"{CriteriaBarLeft}\" y=\"{y}\" width=\"{CriteriaBarWidth}\" height=\"16\" />"));
                svg.Append(Invariant($"<text class=\"chart__axis\" x=\"{CriteriaBarLeft + 6}\" y=\"{y + 12}\">{Escape(note)}</text>"));
                continue;
            }

            double x = CriteriaBarLeft;
            for (var i = 0; i < result.Options.Count; i++)
            {
                var share = result.Options[i].Share ?? 0;
                if (share <= 0)
                {
                    continue;
                }

                var width = share * CriteriaBarWidth;
                var shade = Shade(i, result.Options.Count);
                svg.Append(Invariant($"<rect class=\"chart__seg chart__seg--{shade}\" x=\"{x:0.#}\" y=\"{y}\" width=\"{width:0.#}\" height=\"16\" />"));
                if (share >= 0.12)
                {
                    var tone = shade < 2 ? "light" : "dark";
                    svg.Append(Invariant($"<text class=\"chart__seg-label chart__seg-label--{tone}\" x=\"{x + (width / 2):0.#}\" y=\"{y + 12}\" text-anchor=\"middle\">{Math.Round(share * 100, MidpointRounding.AwayFromZero)}%</text>"));
                }

                x += width;
            }
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Spreads the options of a criterion over the five shades, so the worst option is always the lightest.</summary>
    private static int Shade(int index, int count) =>
        count <= 1 ? 0 : (int)Math.Round(index * 4.0 / (count - 1), MidpointRounding.AwayFromZero);

    private static StringBuilder Open(string id, string title, string description, int width, int height) =>
        new StringBuilder()
            .Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 {width} {height}\" aria-labelledby=\"{Escape(id)}-tieu-de {Escape(id)}-mo-ta\">"))
            .Append(Invariant($"<title id=\"{Escape(id)}-tieu-de\">{Escape(title)}</title>"))
            .Append(Invariant($"<desc id=\"{Escape(id)}-mo-ta\">{Escape(description)}</desc>"));

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
