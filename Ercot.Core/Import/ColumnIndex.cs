namespace Ercot.Core.Import;

/// <summary>Column name → position, trimmed and case-insensitive, with ERCOT's alternative spellings folded together.</summary>
internal sealed class ColumnIndex
{
    // Different ERCOT channels spell the same column differently (MIS CSV vs. public API vs. Parquet dumps).
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["repeatHourFlag"] = "RepeatedHourFlag",
    };

    private readonly Dictionary<string, int> _ordinals;

    private ColumnIndex(Dictionary<string, int> ordinals) => _ordinals = ordinals;

    public IEnumerable<string> Names => _ordinals.Keys;

    public static string Normalize(string name)
    {
        var trimmed = name.Trim().TrimStart('\uFEFF');
        return Aliases.TryGetValue(trimmed, out var canonical) ? canonical : trimmed;
    }

    public static ColumnIndex Create(string file, IReadOnlyList<string> header)
    {
        var ordinals = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            if (!ordinals.TryAdd(Normalize(header[i]), i))
            {
                throw new ImportException(file, "line 1", header[i].Trim(), "appears twice in the header");
            }
        }
        return new ColumnIndex(ordinals);
    }

    public bool Has(string column) => _ordinals.ContainsKey(column);

    public int Ordinal(string column) => _ordinals.TryGetValue(column, out var ordinal)
        ? ordinal
        : throw new InvalidOperationException($"The report format asked for column '{column}', which its header check should have required.");
}
