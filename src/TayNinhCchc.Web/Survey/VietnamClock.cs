namespace TayNinhCchc.Web.Survey;

/// <summary>
/// Vietnam keeps UTC+7 all year. Ratings are stored in UTC and reported by the calendar month in Vietnam, which is
/// how agencies report.
/// </summary>
public static class VietnamClock
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset Now(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return time.GetUtcNow().ToOffset(Offset);
    }

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Now(time).DateTime);

    public static DateTime ToVietnam(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset);
}
