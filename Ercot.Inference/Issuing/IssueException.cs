namespace Ercot.Inference.Issuing;

/// <summary>Why a day's forecast cannot be issued (no champion, no features for the day, a schema mismatch), with the status to answer with.</summary>
public sealed class IssueException(string title, string message, int status) : Exception(message)
{
    public string Title { get; } = title;

    public int Status { get; } = status;
}
