using Ercot.Core.Schema;

namespace Ercot.Core.Sources;

/// <summary>
/// What differs between the stores' SQL: names, types, parameters, staging tables and the join
/// syntax of a delete. Everything else (statements, transactions, reads) is shared.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>The schema holding the source tables.</summary>
    public abstract string SchemaName { get; }

    public abstract string Quote(string identifier);

    public abstract string SqlType(ErcotColumn column);

    /// <summary>How a statement refers to the parameter <paramref name="name"/>.</summary>
    public abstract string Parameter(string name);

    /// <summary>The name a command's parameter object carries.</summary>
    public abstract string ParameterName(string name);

    /// <summary>Idempotent statements that create the schema, every table and its time index.</summary>
    public abstract IEnumerable<string> SchemaStatements(IEnumerable<ErcotTable> tables);

    /// <summary>A session-private table shaped like <paramref name="table"/>, without keys, to bulk-load into.</summary>
    public abstract string CreateStaging(ErcotTable table, string staging);

    public abstract string StagingName(ErcotTable table);

    /// <summary>Deletes the rows of <paramref name="table"/> whose natural key appears in <paramref name="staging"/>.</summary>
    public abstract string DeleteMatching(ErcotTable table, string staging);

    public virtual string DropStaging(string staging) => $"DROP TABLE {staging}";

    public string TableName(ErcotTable table) => $"{Quote(SchemaName)}.{Quote(table.Name)}";

    public string ColumnList(ErcotTable table, string? qualifier = null) =>
        string.Join(", ", table.Columns.Select(column => (qualifier is null ? "" : qualifier + ".") + Quote(column.Name)));

    public string ColumnDefinitions(ErcotTable table) =>
        string.Join(",\n    ", table.Columns.Select(column => $"{Quote(column.Name)} {SqlType(column)}{(column.IsNullable ? "" : " NOT NULL")}"));

    public string KeyList(ErcotTable table) => string.Join(", ", table.Key.Select(Quote));

    public string KeyJoin(ErcotTable table, string left, string right) =>
        string.Join(" AND ", table.Key.Select(column => $"{left}.{Quote(column)} = {right}.{Quote(column)}"));

    public string InsertFromStaging(ErcotTable table, string staging) =>
        $"INSERT INTO {TableName(table)} ({ColumnList(table)}) SELECT {ColumnList(table)} FROM {staging}";

    public string SelectRange(ErcotTable table) =>
        $"SELECT {ColumnList(table)} FROM {TableName(table)} " +
        $"WHERE {Quote(ErcotTable.TimeColumn)} >= {Parameter("from")} AND {Quote(ErcotTable.TimeColumn)} < {Parameter("to")} " +
        $"ORDER BY {Quote(ErcotTable.TimeColumn)}, {KeyList(table)}";

    public string SelectExtent(ErcotTable table) =>
        $"SELECT COUNT(*), MIN({Quote(ErcotTable.TimeColumn)}), MAX({Quote(ErcotTable.TimeColumn)}) FROM {TableName(table)}";

    protected static string TimeIndexName(ErcotTable table) => $"IX_{table.Name}_{ErcotTable.TimeColumn}";
}
