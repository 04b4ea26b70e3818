namespace Ercot.Core.Storage;

/// <summary>
/// Where features and models live: a local folder by default, an Azure Blob container in production.
/// Paths are relative, '/'-separated and validated by <see cref="ArtifactPath"/>.
/// </summary>
/// <remarks>
/// A write replaces an object atomically: a reader sees the old content or the new content, never a
/// mix, and a write that fails part-way leaves the old content (or nothing) behind.
/// </remarks>
public interface IArtifactStore
{
    /// <summary>Says where the artifacts are, for logs and health reports (never a secret).</summary>
    string Location { get; }

    /// <summary>Writes (or atomically replaces) the object at <paramref name="path"/> with the whole of <paramref name="content"/>.</summary>
    Task WriteAsync(string path, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Opens the object for reading, or returns <see langword="null"/> when there is none.</summary>
    Task<Stream?> TryOpenReadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Describes the object, or returns <see langword="null"/> when there is none.</summary>
    Task<ArtifactInfo?> TryGetInfoAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Lists the objects whose path starts with <paramref name="prefix"/>, in ordinal path order.</summary>
    IAsyncEnumerable<ArtifactInfo> ListAsync(string prefix = "", CancellationToken cancellationToken = default);

    /// <summary>Deletes the object; returns whether there was one.</summary>
    Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Throws, with the reason, when the store cannot be reached or written.</summary>
    Task EnsureReachableAsync(CancellationToken cancellationToken = default);
}
