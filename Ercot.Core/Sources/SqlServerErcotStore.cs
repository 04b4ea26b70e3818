using System.Data;
using System.Data.Common;
using Ercot.Core.Schema;
using Microsoft.Data.SqlClient;

namespace Ercot.Core.Sources;

/// <summary>
/// Production: the <c>[ERCOT]</c> schema on SQL Server (Azure SQL with the managed identity too, see
/// <see cref="SqlConnections"/>), bulk-written with <see cref="SqlBulkCopy"/>.
/// </summary>
public sealed class SqlServerErcotStore(string connectionString) : RelationalErcotStore(new SqlServerDialect())
{
    public override string Location
    {
        get
        {
            var builder = new SqlConnectionStringBuilder(connectionString);
            return $"SQL Server {builder.DataSource}, database {builder.InitialCatalog}";
        }
    }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = SqlConnections.Create(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    protected override async Task BulkLoadAsync(
        DbConnection connection, DbTransaction transaction, ErcotTable table, string staging,
        IReadOnlyCollection<object?[]> rows, CancellationToken cancellationToken)
    {
        using var data = new DataTable();
        foreach (var column in table.Columns)
        {
            data.Columns.Add(column.Name, ClrTypeOf(column.Type));
        }
        foreach (var values in rows)
        {
            data.Rows.Add([.. values.Select((value, i) => ToDataTableValue(table.Columns[i], value))]);
        }

        using var bulk = new SqlBulkCopy((SqlConnection)connection, SqlBulkCopyOptions.TableLock, (SqlTransaction)transaction)
        {
            DestinationTableName = staging,
            BatchSize = 50_000,
            BulkCopyTimeout = 0,
        };
        foreach (var column in table.Columns)
        {
            bulk.ColumnMappings.Add(column.Name, column.Name);
        }
        await bulk.WriteToServerAsync(data, cancellationToken);
    }

    private static Type ClrTypeOf(ColumnType type) => type switch
    {
        ColumnType.Date or ColumnType.LocalTimestamp or ColumnType.UtcTimestamp => typeof(DateTime),
        ColumnType.SmallInt => typeof(short),
        ColumnType.Real => typeof(double),
        ColumnType.Text => typeof(string),
        ColumnType.Boolean => typeof(bool),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static object ToDataTableValue(ErcotColumn column, object? value) => value switch
    {
        null => DBNull.Value,
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        int number when column.Type == ColumnType.SmallInt => (short)number,
        _ => value,
    };
}
