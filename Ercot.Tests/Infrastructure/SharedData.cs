namespace Ercot.Tests.Infrastructure;

/// <summary>
/// The real ERCOT sample in <c>../shared/data/ercot</c> beside the repository (never copied into it).
/// Tests that need it skip, saying why, when it is absent.
/// </summary>
public static class SharedData
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Folder { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data", "ercot"));

    public static bool IsPresent => File.Exists(Path.Combine(Folder, "MANIFEST.md"));

    public static string SkipReason => $"The real ERCOT sample is not at {Folder} (../shared/data/ercot beside the repository).";

    public static string PathOf(string relativePath) => Path.Combine(Folder, relativePath);

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Ercot.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No Ercot.sln above {AppContext.BaseDirectory}.");
    }
}
