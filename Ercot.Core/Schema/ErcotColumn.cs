namespace Ercot.Core.Schema;

/// <summary>One column of a source table. Text columns carry the length SQL Server declares for them.</summary>
public sealed record ErcotColumn(string Name, ColumnType Type, bool IsNullable = false, int MaxLength = 0)
{
    public static ErcotColumn Date(string name) => new(name, ColumnType.Date);
    public static ErcotColumn SmallInt(string name) => new(name, ColumnType.SmallInt);
    public static ErcotColumn Flag(string name) => new(name, ColumnType.Boolean);
    public static ErcotColumn Text(string name, int maxLength, bool nullable = false) => new(name, ColumnType.Text, nullable, maxLength);
    public static ErcotColumn Local(string name) => new(name, ColumnType.LocalTimestamp);
    public static ErcotColumn Utc(string name) => new(name, ColumnType.UtcTimestamp);
    public static ErcotColumn Value(string name, bool nullable = true) => new(name, ColumnType.Real, nullable);

    public static IEnumerable<ErcotColumn> Values(params string[] names) => names.Select(name => Value(name));
}
