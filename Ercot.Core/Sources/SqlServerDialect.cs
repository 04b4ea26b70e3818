using Ercot.Core.Schema;

namespace Ercot.Core.Sources;

/// <summary>SQL Server's T-SQL: bracketed names, <c>@name</c> parameters, <c>#temp</c> tables, clustered natural keys.</summary>
public sealed class SqlServerDialect : SqlDialect
{
    public override string SchemaName => "ERCOT";

    public override string Quote(string identifier) => $"[{identifier.Replace("]", "]]", StringComparison.Ordinal)}]";

    public override string SqlType(ErcotColumn column) => column.Type switch
    {
        ColumnType.Date => "date",
        ColumnType.SmallInt => "smallint",
        ColumnType.Real => "float",
        ColumnType.Text => $"varchar({column.MaxLength})",
        ColumnType.Boolean => "bit",
        ColumnType.LocalTimestamp or ColumnType.UtcTimestamp => "datetime2(3)",
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, null),
    };

    public override string Parameter(string name) => "@" + name;

    public override string ParameterName(string name) => "@" + name;

    public override IEnumerable<string> SchemaStatements(IEnumerable<ErcotTable> tables)
    {
        yield return $"IF SCHEMA_ID(N'{SchemaName}') IS NULL EXEC(N'CREATE SCHEMA {Quote(SchemaName)}')";
        foreach (var table in tables)
        {
            yield return
                $"IF OBJECT_ID(N'{SchemaName}.{table.Name}', N'U') IS NULL\n" +
                $"CREATE TABLE {TableName(table)} (\n    {ColumnDefinitions(table)},\n" +
                $"    CONSTRAINT {Quote("PK_" + table.Name)} PRIMARY KEY CLUSTERED ({KeyList(table)})\n)";
            yield return
                $"IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'{TimeIndexName(table)}' AND object_id = OBJECT_ID(N'{SchemaName}.{table.Name}'))\n" +
                $"CREATE NONCLUSTERED INDEX {Quote(TimeIndexName(table))} ON {TableName(table)} ({Quote(ErcotTable.TimeColumn)})";
        }
    }

    /// <summary>The DDL as one script for <c>sqlcmd</c> or SSMS (batches separated by <c>GO</c>).</summary>
    public string SchemaScript(IEnumerable<ErcotTable> tables) =>
        "-- Generated from Ercot.Core/Schema/ErcotTables.cs by SqlServerDialect.SchemaScript; a test keeps them in step.\n" +
        string.Concat(SchemaStatements(tables).Select(statement => statement + "\nGO\n\n"));

    public override string StagingName(ErcotTable table) => Quote("#stage_" + table.Name);

    public override string CreateStaging(ErcotTable table, string staging) =>
        $"SELECT TOP 0 {ColumnList(table)} INTO {staging} FROM {TableName(table)}";

    public override string DeleteMatching(ErcotTable table, string staging) =>
        $"DELETE target FROM {TableName(table)} AS target INNER JOIN {staging} AS source ON {KeyJoin(table, "target", "source")}";
}
