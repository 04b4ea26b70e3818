namespace Ercot.Inference.Scoring;

/// <summary>
/// Holds the current <see cref="LoadedModels"/>. A swap publishes the new set atomically; the old one is
/// disposed only after a grace period, when requests that started on it have long finished.
/// </summary>
public sealed class ChampionHolder(TimeProvider time)
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    private volatile LoadedModels? _current;

    public LoadedModels? Current => _current;

    public void Swap(LoadedModels next)
    {
        var previous = Interlocked.Exchange(ref _current, next);
        if (previous is not null)
        {
            _ = Task.Delay(Grace, time).ContinueWith(_ => previous.Dispose(), TaskScheduler.Default);
        }
    }
}
