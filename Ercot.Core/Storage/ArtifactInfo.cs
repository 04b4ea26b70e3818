namespace Ercot.Core.Storage;

/// <summary>One object in the artifact store.</summary>
public sealed record ArtifactInfo(string Path, long Length, DateTimeOffset LastModified);
