namespace Ercot.Inference.Scoring;

/// <summary>A validated scoring request: the model to answer with, and each row's point, hour and features in schema order.</summary>
public sealed record ScoreRequest(string Model, IReadOnlyList<ScoreRow> Rows);

public sealed record ScoreRow(string SettlementPoint, DateTime DeliveryHourUtc, float[] Features);

/// <summary>Why a request cannot be scored: every problem found, and the status to answer with.</summary>
public sealed record ScoreRejection(int Status, string Title, IReadOnlyList<string> Problems);
