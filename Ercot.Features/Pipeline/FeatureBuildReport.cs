namespace Ercot.Features.Pipeline;

/// <summary>What a feature build read, wrote and found: the figures a person checks before trusting the file.</summary>
public sealed record FeatureBuildReport(
    DateOnly From,
    DateOnly To,
    DateTime StagedFromUtc,
    DateTime StagedToUtc,
    IReadOnlyDictionary<string, long> RowsReadPerTable,
    long RowsWritten,
    IReadOnlyList<string> MonthsWritten,
    int Points,
    IReadOnlyDictionary<string, long> MissingTargetHoursPerPoint,
    IReadOnlyDictionary<string, double> NullSharePerFeature,
    IReadOnlyDictionary<string, long> TargetSources,
    string SchemaHash,
    double DurationSeconds);
