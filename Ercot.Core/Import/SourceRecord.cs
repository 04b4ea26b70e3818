using System.Globalization;
using Ercot.Core.Time;

namespace Ercot.Core.Import;

/// <summary>
/// One record of a report file, read by column name, with conversions that name the file, the
/// line and the column when a value is wrong. CSV records hold text; Parquet records hold typed values.
/// </summary>
public abstract class SourceRecord(string file)
{
    public string File { get; } = file;

    /// <summary>Where the record is, for messages: <c>line 12</c> or <c>row 12</c>.</summary>
    public abstract string Location { get; }

    /// <summary>Whether the file has the column at all (optional columns such as ECRS).</summary>
    public abstract bool Has(string column);

    /// <summary>The raw value: a string for CSV, a typed value for Parquet; null when empty.</summary>
    protected abstract object? Raw(string column);

    public string Text(string column) => Raw(column) switch
    {
        null => throw Error(column, "is empty"),
        string text => text.Trim(),
        var value => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    public string? OptionalText(string column) => Has(column) && Raw(column) is not null ? Text(column) : null;

    public double Real(string column) => OptionalReal(column) ?? throw Error(column, "is empty; a number is required");

    public double? OptionalReal(string column)
    {
        if (!Has(column))
        {
            return null;
        }
        var number = Raw(column) switch
        {
            null => (double?)null,
            double value => value,
            float value => value,
            string text when string.IsNullOrWhiteSpace(text) => null,
            string text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw Error(column, $"'{text}' is not a number"),
            var value => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        };
        return number is { } finite && !double.IsFinite(finite) ? throw Error(column, $"'{finite}' is not a finite number") : number;
    }

    public int WholeNumber(string column) => Raw(column) switch
    {
        null => throw Error(column, "is empty; an integer is required"),
        string text => int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(column, $"'{text}' is not an integer"),
        var value => Convert.ToInt32(value, CultureInfo.InvariantCulture),
    };

    public DateOnly Date(string column) => Raw(column) switch
    {
        DateTime value => DateOnly.FromDateTime(value),
        DateOnly value => value,
        _ => Check(column, () => ErcotTime.ParseDate(Text(column))),
    };

    public int HourEnding(string column) => Raw(column) switch
    {
        string text => Check(column, () => ErcotTime.ParseHourEnding(text)),
        null => throw Error(column, "is empty; an hour ending is required"),
        _ => WholeNumber(column),
    };

    public bool Flag(string column) => Raw(column) switch
    {
        bool value => value,
        null => false,
        var value => Check(column, () => ErcotTime.ParseDstFlag(Convert.ToString(value, CultureInfo.InvariantCulture))),
    };

    public DateTime LocalClock(string column) => Raw(column) switch
    {
        DateTime value => DateTime.SpecifyKind(value, DateTimeKind.Unspecified),
        _ => Check(column, () => ErcotTime.ParseLocalClock(Text(column))),
    };

    /// <summary>Runs a conversion, turning an ERCOT time error into an error that names this record and column.</summary>
    public T Check<T>(string column, Func<T> convert)
    {
        try
        {
            return convert();
        }
        catch (ErcotTimeException e)
        {
            throw Error(column, e.Message);
        }
    }

    public ImportException Error(string column, string problem) => new(File, Location, column, problem);
}
