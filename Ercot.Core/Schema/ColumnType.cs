namespace Ercot.Core.Schema;

/// <summary>The logical column types of the source tables; each store maps them to its SQL types.</summary>
public enum ColumnType
{
    /// <summary>A calendar date (<see cref="DateOnly"/>).</summary>
    Date,

    /// <summary>A small integer such as an hour ending (<see cref="int"/>).</summary>
    SmallInt,

    /// <summary>A price or a quantity (<see cref="double"/>).</summary>
    Real,

    /// <summary>A name (<see cref="string"/>).</summary>
    Text,

    /// <summary>A flag such as DSTFlag (<see cref="bool"/>).</summary>
    Boolean,

    /// <summary>A local clock reading, as ERCOT writes it (<see cref="DateTime"/>, unspecified kind).</summary>
    LocalTimestamp,

    /// <summary>A UTC instant (<see cref="DateTime"/>, UTC kind).</summary>
    UtcTimestamp,
}
