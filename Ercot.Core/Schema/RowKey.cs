namespace Ercot.Core.Schema;

/// <summary>The natural-key values of a row, comparable for equality.</summary>
public readonly struct RowKey(object?[] row, IReadOnlyList<int> ordinals) : IEquatable<RowKey>
{
    public bool Equals(RowKey other)
    {
        for (var i = 0; i < ordinals.Count; i++)
        {
            if (!Equals(row[ordinals[i]], other.Row[other.Ordinals[i]]))
            {
                return false;
            }
        }
        return true;
    }

    public override bool Equals(object? obj) => obj is RowKey other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var ordinal in ordinals)
        {
            hash.Add(row[ordinal]);
        }
        return hash.ToHashCode();
    }

    public static bool operator ==(RowKey left, RowKey right) => left.Equals(right);

    public static bool operator !=(RowKey left, RowKey right) => !left.Equals(right);

    private object?[] Row => row;

    private IReadOnlyList<int> Ordinals => ordinals;
}
