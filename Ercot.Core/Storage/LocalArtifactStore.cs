using System.Runtime.CompilerServices;

namespace Ercot.Core.Storage;

/// <summary>
/// The embedded default: artifacts as files under one root folder. Writes go to a staging file on
/// the same file system and are renamed into place, which POSIX makes atomic.
/// </summary>
public sealed class LocalArtifactStore : IArtifactStore
{
    // Staging lives inside the root so that the final rename never crosses file systems;
    // its leading dot keeps it out of every valid artifact path and out of listings.
    private const string StagingFolder = ".staging";

    private readonly string _root;

    public LocalArtifactStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(root);
    }

    public string Location => $"local folder {_root}";

    public async Task WriteAsync(string path, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var target = FullPath(path);
        var staging = Path.Combine(_root, StagingFolder);
        Directory.CreateDirectory(staging);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        var temporary = Path.Combine(staging, $"{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken);
                // Durable before visible: a crash after the rename must not leave an empty model file.
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> TryOpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = FullPath(path);
        try
        {
            // An open handle keeps reading the old file even if a writer renames a new one into place.
            Stream stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, FileOptions.Asynchronous);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<ArtifactInfo?> TryGetInfoAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(FullPath(path));
        return Task.FromResult(file.Exists ? Describe(path, file) : null);
    }

    public async IAsyncEnumerable<ArtifactInfo> ListAsync(string prefix = "", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArtifactPath.ValidatePrefix(prefix);
        if (!Directory.Exists(_root))
        {
            yield break;
        }
        var found = new List<ArtifactInfo>();
        foreach (var file in new DirectoryInfo(_root).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(_root, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.StartsWith(prefix, StringComparison.Ordinal) && IsArtifact(relative))
            {
                found.Add(Describe(relative, file));
            }
        }
        found.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        foreach (var info in found)
        {
            yield return info;
        }
        await Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(FullPath(path));
        if (!file.Exists)
        {
            return Task.FromResult(false);
        }
        file.Delete();
        return Task.FromResult(true);
    }

    public Task EnsureReachableAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.Combine(_root, StagingFolder));
        return Task.CompletedTask;
    }

    private string FullPath(string path) =>
        Path.Combine(_root, ArtifactPath.Validate(path).Replace('/', Path.DirectorySeparatorChar));

    private static bool IsArtifact(string relative)
    {
        try
        {
            ArtifactPath.Validate(relative);
            return true;
        }
        catch (ArgumentException)
        {
            // Staging files and anything else a person dropped into the folder by hand.
            return false;
        }
    }

    private static ArtifactInfo Describe(string path, FileInfo file) =>
        new(path, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
}
