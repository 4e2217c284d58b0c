using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TayNinhCchc.Web.Data.Configurations;

/// <summary>
/// The portal stores every DateTime in UTC (Npgsql refuses anything else). SQLite hands values back with an unspecified
/// kind; marking them UTC when read keeps them comparable with <see cref="TimeProvider"/> times on both providers.
/// </summary>
internal static class UtcDateTime
{
    public static ValueConverter<DateTime, DateTime> Converter { get; } = new(
        value => value,
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
