namespace Ercot.Core.Schema.Features;

/// <summary>
/// One model input: its name, where it comes from, when that information is public relative to the
/// gate (10:00 Central on D−1 for operating day D), what it means, and the SQL that computes it in
/// the feature pipeline (over the aliases that <c>FeatureSql</c> joins). Every feature is a DOUBLE.
/// </summary>
public sealed record FeatureDefinition(string Name, string Group, string[] Sources, string Availability, string Description, string Sql);
