using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Ercot.Core.Schema;

namespace Ercot.Core.Sources;

/// <summary>
/// The store logic both databases share: keyed upserts through a staging table in one transaction,
/// bounded streaming reads, extents. Subclasses supply a connection, a dialect and a bulk loader.
/// </summary>
public abstract class RelationalErcotStore(SqlDialect dialect) : IErcotStore
{
    protected SqlDialect Dialect { get; } = dialect;

    public abstract string Location { get; }

    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="rows"/> into the staging table as fast as the database allows.</summary>
    protected abstract Task BulkLoadAsync(
        DbConnection connection, DbTransaction transaction, ErcotTable table, string staging,
        IReadOnlyCollection<object?[]> rows, CancellationToken cancellationToken);

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var statement in Dialect.SchemaStatements(ErcotTables.All))
        {
            await ExecuteAsync(connection, null, statement, cancellationToken);
        }
    }

    public async Task<UpsertResult> UpsertAsync(ErcotTable table, IReadOnlyCollection<object?[]> rows, CancellationToken cancellationToken = default)
    {
        var unique = LastPerKey(table, rows);
        if (unique.Count == 0)
        {
            return new UpsertResult(table, rows.Count, 0, 0);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var staging = Dialect.StagingName(table);
        await ExecuteAsync(connection, transaction, Dialect.CreateStaging(table, staging), cancellationToken);
        await BulkLoadAsync(connection, transaction, table, staging, unique, cancellationToken);
        var replaced = await ExecuteAsync(connection, transaction, Dialect.DeleteMatching(table, staging), cancellationToken);
        await ExecuteAsync(connection, transaction, Dialect.InsertFromStaging(table, staging), cancellationToken);
        await ExecuteAsync(connection, transaction, Dialect.DropStaging(staging), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new UpsertResult(table, rows.Count, unique.Count, replaced);
    }

    public async IAsyncEnumerable<object?[]> ReadAsync(
        ErcotTable table, DateTime fromUtc, DateTime toUtc, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Dialect.SelectRange(table);
        AddParameter(command, "from", fromUtc);
        AddParameter(command, "to", toUtc);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[table.Columns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : ColumnValues.FromDatabase(table.Columns[i], reader.GetValue(i));
            }
            yield return row;
        }
    }

    public async Task<TableExtent> GetExtentAsync(ErcotTable table, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Dialect.SelectExtent(table);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var rows = Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
        return rows == 0
            ? new TableExtent(0, null, null)
            : new TableExtent(rows, AsUtc(reader.GetDateTime(1)), AsUtc(reader.GetDateTime(2)));
    }

    protected static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = Dialect.ParameterName(name);
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static List<object?[]> LastPerKey(ErcotTable table, IReadOnlyCollection<object?[]> rows)
    {
        var positions = new Dictionary<RowKey, int>(rows.Count);
        var unique = new List<object?[]>(rows.Count);
        foreach (var row in rows)
        {
            if (row.Length != table.Columns.Count)
            {
                throw new ArgumentException($"A row for {table.Name} has {row.Length} values; the table has {table.Columns.Count} columns.", nameof(rows));
            }
            var key = table.KeyOf(row);
            if (positions.TryGetValue(key, out var position))
            {
                unique[position] = row;
            }
            else
            {
                positions.Add(key, unique.Count);
                unique.Add(row);
            }
        }
        return unique;
    }

    private static DateTime AsUtc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
