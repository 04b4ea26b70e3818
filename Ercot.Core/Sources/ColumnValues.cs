using Ercot.Core.Schema;

namespace Ercot.Core.Sources;

/// <summary>Normalizes what a database driver returns to the row value types of <see cref="IErcotStore"/>.</summary>
internal static class ColumnValues
{
    public static object FromDatabase(ErcotColumn column, object value) => column.Type switch
    {
        ColumnType.Date => value is DateOnly date ? date : DateOnly.FromDateTime((DateTime)value),
        ColumnType.SmallInt => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture),
        ColumnType.Real => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
        ColumnType.Text => (string)value,
        ColumnType.Boolean => (bool)value,
        ColumnType.LocalTimestamp => DateTime.SpecifyKind((DateTime)value, DateTimeKind.Unspecified),
        ColumnType.UtcTimestamp => DateTime.SpecifyKind((DateTime)value, DateTimeKind.Utc),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, null),
    };
}
