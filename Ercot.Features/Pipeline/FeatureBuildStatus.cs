namespace Ercot.Features.Pipeline;

public enum FeatureBuildState
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>Where a build stands, kept in the artifact store as <c>features/builds/{id}.json</c> so any instance can answer for it.</summary>
public sealed record FeatureBuildStatus(
    string Id,
    FeatureBuildState State,
    DateOnly From,
    DateOnly To,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    int Attempts = 0,
    string? Error = null,
    FeatureBuildReport? Report = null);
