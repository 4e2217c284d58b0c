using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace TayNinhCchc.Web.Data;

/// <summary>
/// One parameterised SQL statement (parameters <c>@p0</c>, <c>@p1</c>…), run as often as needed inside the DbContext's
/// current transaction. The rating write path uses it instead of EF Core's change tracker and per-call SQL building,
/// which took about a fifth of the portal's CPU in the ingest profile; SQLite keeps the statement compiled between
/// runs. Identifiers are double-quoted, which SQLite and PostgreSQL read alike, so one text serves both providers.
/// </summary>
internal sealed class PreparedStatement : IDisposable
{
    private readonly DbCommand command;
    private readonly DbParameter[] parameters;

    public PreparedStatement(PortalDbContext db, string sql, int parameterCount)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("These statements write inside the caller's transaction; none is open.");
        command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        parameters = new DbParameter[parameterCount];
        for (var i = 0; i < parameterCount; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
            parameters[i] = parameter;
        }
    }

    /// <summary>Runs the statement; the number of rows it changed.</summary>
    public Task<int> ExecuteAsync(params object?[] values)
    {
        Bind(values);
        return command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs the statement; the first column of its first row, or null when it returned no row.</summary>
    public async Task<object?> ScalarAsync(params object?[] values)
    {
        Bind(values);
        var result = await command.ExecuteScalarAsync();
        return result is DBNull ? null : result;
    }

    public void Dispose() => command.Dispose();

    private void Bind(object?[] values)
    {
        if (values.Length != parameters.Length)
        {
            throw new ArgumentException($"The statement takes {parameters.Length} values, not {values.Length}.", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
