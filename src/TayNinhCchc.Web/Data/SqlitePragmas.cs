using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TayNinhCchc.Web.Data;

/// <summary>
/// Sets the per-connection SQLite pragmas. <c>journal_mode=WAL</c> persists in the file, but <c>synchronous</c> and
/// <c>busy_timeout</c> do not, so they are set each time a connection opens.
/// </summary>
internal sealed class SqlitePragmas(string synchronous, int busyTimeoutMilliseconds) : DbConnectionInterceptor
{
    private readonly string pragmas =
        $"PRAGMA journal_mode=WAL; PRAGMA synchronous={Validate(synchronous)}; PRAGMA busy_timeout={busyTimeoutMilliseconds}; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Validate(string value) => value.ToUpperInvariant() switch
    {
        "OFF" or "NORMAL" or "FULL" or "EXTRA" => value.ToUpperInvariant(),
        _ => throw new ArgumentException($"Database:SqliteSynchronous must be OFF, NORMAL, FULL or EXTRA, not '{value}'."),
    };
}
