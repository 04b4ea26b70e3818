namespace Ercot.Core.Schema;

/// <summary>Fills one table row by column name; a report format's mapping writes through it.</summary>
public sealed class RowWriter(ErcotTable table)
{
    public ErcotTable Table { get; } = table;

    public object?[] Row { get; private set; } = table.NewRow();

    public object? this[string column]
    {
        set => Row[Table.Ordinal(column)] = value;
    }

    internal object?[] Take()
    {
        var row = Row;
        Row = Table.NewRow();
        return row;
    }
}
