using Ercot.Core.Schema;

namespace Ercot.Tests.Core.Sources;

/// <summary>
/// Rows for any table, made from its schema: row <c>i</c> has its own date, local time and names, so
/// every row has its own key, and its <see cref="ErcotTable.TimeColumn"/> is <c>i</c> hours after the base.
/// </summary>
internal static class SyntheticRows
{
    public static readonly DateTime BaseUtc = new(2024, 1, 1, 6, 0, 0, DateTimeKind.Utc);

    public static List<object?[]> For(ErcotTable table, int count, double scale = 1.0) =>
        [.. Enumerable.Range(0, count).Select(i => Row(table, i, scale))];

    public static object?[] Row(ErcotTable table, int i, double scale = 1.0)
    {
        var row = table.NewRow();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            row[c] = column.Type switch
            {
                ColumnType.Date => new DateOnly(2024, 1, 1).AddDays(i),
                ColumnType.SmallInt => 1 + i % 24,
                ColumnType.Real when column.IsNullable && i % 5 == 4 => null,
                ColumnType.Real => Math.Round((i + 1) * 1.25 * scale + c, 3),
                ColumnType.Text => $"{column.Name[..Math.Min(3, column.Name.Length)]}_{i}",
                ColumnType.Boolean => i % 2 == 1,
                ColumnType.LocalTimestamp => new DateTime(2024, 1, 1).AddMinutes(5 * i),
                ColumnType.UtcTimestamp => BaseUtc.AddHours(i),
                _ => throw new ArgumentOutOfRangeException(nameof(table)),
            };
        }
        return row;
    }
}
