namespace Ercot.Inference.Issuing;

/// <summary>The last issue's outcome, for /health: a scheduled issue that failed stays visible until one succeeds.</summary>
public sealed class IssueStatus
{
    private volatile Outcome? _last;

    public Outcome? Last => _last;

    public void Succeeded(DateOnly day, int revision, DateTimeOffset at) => _last = new Outcome(day, revision, at, null);

    public void Failed(DateOnly day, DateTimeOffset at, string error) => _last = new Outcome(day, null, at, error);

    public sealed record Outcome(DateOnly Day, int? Revision, DateTimeOffset At, string? Error);
}
