namespace Ercot.ServiceDefaults;

/// <summary>
/// The names of the application's resources, shared by the AppHost (which names them), the services
/// (which resolve each other through service discovery by these names) and the tests.
/// </summary>
public static class ResourceNames
{
    public const string Features = "features";
    public const string Training = "training";
    public const string Inference = "inference";
    public const string Gateway = "gateway";
    public const string Desk = "desk";

    /// <summary>The Azure Blob connection string that switches the artifact store from a local folder to Blob storage.</summary>
    public const string Blobs = "blobs";

    /// <summary>The SQL Server connection string of the source tables; without it the embedded DuckDB file is used.</summary>
    public const string SourceDatabase = "ercotdb";
}
