using System.Globalization;
using TayNinhCchc.Web.Infrastructure;
using TayNinhCchc.Web.Survey;

namespace TayNinhCchc.Web.Dashboard;

/// <summary>How the dashboard writes times, shares, states and channels, and reads dates typed into its forms.</summary>
public static class DashboardText
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>States of a comment with their URL values and labels, in inbox order.</summary>
    public static readonly IReadOnlyList<(string Value, CommentState State, string Label)> States =
    [
        ("moi", CommentState.New, "Mới"),
        ("da-xem", CommentState.Seen, "Đã xem"),
        ("da-phan-hoi", CommentState.Answered, "Đã phản hồi"),
    ];

    /// <summary>dd/MM/yyyy HH:mm in Vietnam time.</summary>
    public static string Time(DateTime utc) => VietnamClock.ToVietnam(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>dd/MM/yyyy in Vietnam time.</summary>
    public static string Date(DateTime utc) => VietnamClock.ToVietnam(utc).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"85,7%" (vi-VN decimal comma), or "–" when there is nothing to divide.</summary>
    public static string Percent(int part, int whole) =>
        whole == 0 ? "–" : (100.0 * part / whole).ToString("0.0", Vietnamese) + "%";

    /// <summary>A rating with reasons but no comment has no state yet; the inbox treats it as new.</summary>
    public static CommentState Effective(CommentState? state) => state ?? CommentState.New;

    public static string StateLabel(CommentState? state) => States.First(entry => entry.State == Effective(state)).Label;

    public static string StateValue(CommentState? state) => States.First(entry => entry.State == Effective(state)).Value;

    public static CommentState? ParseState(string? value) =>
        States.FirstOrDefault(entry => entry.Value == value) is { Value: not null } found ? found.State : null;

    public static string ChannelLabel(RatingChannel channel) =>
        Pages.DanhGia.IndexModel.Channels.FirstOrDefault(entry => entry.Channel == channel).Label ?? channel.ToString();

    /// <summary>Reads a date from a date field (yyyy-MM-dd) or typed by hand (dd/MM/yyyy), within <see cref="RequestDates"/>' range.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) => RequestDates.TryParse(text, out date);

    /// <summary>The UTC instant a Vietnam calendar day starts.</summary>
    public static DateTime StartOfDayUtc(DateOnly date) =>
        DateTime.SpecifyKind(date.ToDateTime(TimeOnly.MinValue) - VietnamClock.Offset, DateTimeKind.Utc);

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A problem with one form field; <see cref="Id"/> is the field's id, for the error summary's link.</summary>
public sealed record FieldError(string Id, string Message);

/// <summary>The errors of a form, in the order of its fields.</summary>
public sealed class FormErrors
{
    private readonly List<FieldError> items = [];

    public IReadOnlyList<FieldError> Items => items;

    public int Count => items.Count;

    public string? For(string id) => items.FirstOrDefault(error => error.Id == id)?.Message;

    public void Add(string id, string message) => items.Add(new FieldError(id, message));
}
