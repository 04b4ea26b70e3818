using Ercot.Core.Schema;
using Ercot.Core.Sources;
using Microsoft.Data.SqlClient;

namespace Ercot.Tests.Core.Sources;

/// <summary>
/// The store contract on a real SQL Server, when <c>ERCOT_SQLSERVER_TEST</c> holds a connection string
/// to a database the test may empty. No SQL Server runs on the CI machine, so it reports itself skipped there.
/// </summary>
public sealed class SqlServerErcotStoreTests : ErcotStoreContract
{
    public const string Variable = "ERCOT_SQLSERVER_TEST";

    private readonly string? _connectionString = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    protected override IErcotStore Store => _connectionString is null
        ? throw new InvalidOperationException(SkipReason)
        : new SqlServerErcotStore(_connectionString);

    protected override string? SkipReason => _connectionString is null
        ? $"No SQL Server: set {Variable} to a connection string (the tests empty the [ERCOT] tables of that database)."
        : null;

    protected override async Task ClearAsync()
    {
        await using var connection = new SqlConnection(_connectionString);
        await connection.OpenAsync();
        var dialect = new SqlServerDialect();
        foreach (var table in ErcotTables.All)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM {dialect.TableName(table)}";
            await command.ExecuteNonQueryAsync();
        }
    }
}
