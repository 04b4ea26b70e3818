namespace Ercot.Features.Pipeline;

/// <summary>
/// The temporary folders builds stage and write in, one per build under <see cref="Root"/>. A build holds its
/// folder's lock file open and exclusive while it runs, so any process can tell a folder in use from one a crashed
/// build left behind, and remove only the latter.
/// </summary>
public static class FeatureWorkFolders
{
    private const string LockFile = ".lock";

    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "ercot-features");

    /// <summary>A new folder and its held lock; disposing the lock removes the folder.</summary>
    public static WorkFolder Create()
    {
        var path = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        var held = new FileStream(Path.Combine(path, LockFile), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        return new WorkFolder(path, held);
    }

    /// <summary>Removes every folder whose lock no process holds; returns how many.</summary>
    public static int RemoveAbandoned()
    {
        if (!Directory.Exists(Root))
        {
            return 0;
        }
        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            try
            {
                using (new FileStream(Path.Combine(folder, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
                {
                }
                Directory.Delete(folder, recursive: true);
                removed++;
            }
            catch (IOException)
            {
                // Held by a build that is running, or removed by it a moment ago.
            }
            catch (UnauthorizedAccessException)
            {
                // Another user's folder: not ours to remove.
            }
        }
        return removed;
    }

    public sealed class WorkFolder(string path, FileStream held) : IDisposable
    {
        public string Path { get; } = path;

        public void Dispose()
        {
            held.Dispose();
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
    }
}
