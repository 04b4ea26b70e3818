using Ercot.Core.Schema;

namespace Ercot.Core.Sources;

/// <summary>DuckDB's SQL: double-quoted names, <c>$name</c> parameters, temp tables, <c>DELETE … USING</c>.</summary>
/// <remarks>
/// The tables declare no primary key: DuckDB keeps an in-memory index per key that costs far more
/// than the SCED tables are worth, and every write goes through the keyed upsert anyway.
/// </remarks>
public sealed class DuckDbDialect : SqlDialect
{
    // A DuckDB file is its own namespace (its catalog is named after the file, so "ERCOT" would clash
    // with a file called ercot.duckdb); the tables live in its default schema.
    public override string SchemaName => "main";

    public override string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    public override string SqlType(ErcotColumn column) => column.Type switch
    {
        ColumnType.Date => "DATE",
        ColumnType.SmallInt => "SMALLINT",
        ColumnType.Real => "DOUBLE",
        ColumnType.Text => "VARCHAR",
        ColumnType.Boolean => "BOOLEAN",
        ColumnType.LocalTimestamp or ColumnType.UtcTimestamp => "TIMESTAMP",
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, null),
    };

    public override string Parameter(string name) => "$" + name;

    public override string ParameterName(string name) => name;

    public override IEnumerable<string> SchemaStatements(IEnumerable<ErcotTable> tables)
    {
        foreach (var table in tables)
        {
            yield return $"CREATE TABLE IF NOT EXISTS {TableName(table)} (\n    {ColumnDefinitions(table)}\n)";
            yield return $"CREATE INDEX IF NOT EXISTS {Quote(TimeIndexName(table))} ON {TableName(table)} ({Quote(ErcotTable.TimeColumn)})";
        }
    }

    public override string StagingName(ErcotTable table) => Quote("stage_" + table.Name);

    public override string CreateStaging(ErcotTable table, string staging) =>
        $"CREATE TEMP TABLE {staging} AS SELECT * FROM {TableName(table)} LIMIT 0";

    public override string DeleteMatching(ErcotTable table, string staging) =>
        $"DELETE FROM {TableName(table)} USING {staging} WHERE {KeyJoin(table, Quote(table.Name), staging)}";
}
