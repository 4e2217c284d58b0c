using System.Globalization;
using TayNinhCchc.Web.Content;

namespace TayNinhCchc.Web.Tests.Content;

public sealed class DeadlineParserTests
{
    [Theory]
    [InlineData("Quý II/2021", "2021-04-01", "2021-06-30")]
    [InlineData("Quý I/2021", "2021-01-01", "2021-03-31")]
    [InlineData("Trong Quý II năm 2021", "2021-04-01", "2021-06-30")]
    [InlineData("quý IV/2021", "2021-10-01", "2021-12-31")]
    [InlineData("Quý III/2021", "2021-07-01", "2021-09-30")]
    [InlineData("Tháng 4/2021", "2021-04-01", "2021-04-30")]
    [InlineData("Tháng 11 năm 2021", "2021-11-01", "2021-11-30")]
    [InlineData("Trong tháng 1 năm 2021", "2021-01-01", "2021-01-31")]
    [InlineData("Tháng 2/2021", "2021-02-01", "2021-02-28")]
    [InlineData("Trong năm 2021", "2021-01-01", "2021-12-31")]
    [InlineData("Thường xuyên trong năm 2020", "2020-01-01", "2020-12-31")]
    [InlineData("Năm 2021", "2021-01-01", "2021-12-31")]
    [InlineData("6 tháng đầu năm 2021", "2021-01-01", "2021-06-30")]
    public void Reads_the_deadline_texts_of_the_appendix(string text, string start, string end)
    {
        var range = DeadlineParser.Parse(text);

        Assert.Equal(new DateRange(Parse(start), Parse(end)), range);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Thường xuyên")]
    [InlineData("Quý V/2021")]
    [InlineData("Tháng 13/2021")]
    [InlineData("Kế hoạch cụ thể của Báo Tây Ninh")]
    public void Gives_no_range_when_the_text_cannot_be_read_with_certainty(string text) =>
        Assert.Null(DeadlineParser.Parse(text));

    [Theory]
    [InlineData("Quý II/2021", 2)]
    [InlineData("Tháng 11 năm 2021", 4)]
    [InlineData("Trong năm 2021", null)]
    public void Quarter_is_given_only_when_the_whole_range_falls_in_one(string text, int? quarter) =>
        Assert.Equal(quarter, DeadlineParser.QuarterOf(DeadlineParser.Parse(text)!));

    private static DateOnly Parse(string value) => DateOnly.Parse(value, CultureInfo.InvariantCulture);
}
