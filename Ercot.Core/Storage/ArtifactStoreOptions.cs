using System.ComponentModel.DataAnnotations;

namespace Ercot.Core.Storage;

/// <summary>Where the artifact store keeps features and models. Bound from the <c>ArtifactStore</c> section.</summary>
public sealed class ArtifactStoreOptions
{
    public const string SectionName = "ArtifactStore";

    /// <summary>
    /// Root folder of the local store, used when no Blob connection string is configured.
    /// Default: <c>ercot/artifacts</c> under the user's local application data folder. The AppHost
    /// points every service at the same folder (<c>.ercot/artifacts</c> beside the solution).
    /// </summary>
    [Required]
    public string Root { get; set; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "ercot", "artifacts");

    /// <summary>Blob container used when a Blob connection string is configured. Default: <c>ercot</c>.</summary>
    [Required]
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$",
        ErrorMessage = "ArtifactStore:Container must be a valid Azure container name: 3-63 lower-case letters, digits and single hyphens.")]
    public string Container { get; set; } = "ercot";
}
