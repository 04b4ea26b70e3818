using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Ercot.Core.Storage;

namespace Ercot.Core.Forecasts;

/// <summary>
/// Issued forecasts in the artifact store: <c>forecasts/issued/{yyyy-MM-dd}/r{NNN}/forecast.json</c>, then its
/// <c>manifest.json</c>, last. Revisions only grow: issuing again writes the next number, never over an earlier one, and a
/// revision cut off before its manifest is skipped (its number is not reused). The manifest carries the forecast file's
/// SHA-256, so a reader never pairs a manifest with other hours.
/// </summary>
public sealed class IssuedForecastStore(IArtifactStore artifacts)
{
    public const string Root = "forecasts/issued/";
    public const string ForecastFile = "forecast.json", ManifestFile = "manifest.json";

    public static string Folder(DateOnly day, int revision) => $"{Root}{day:yyyy-MM-dd}/r{revision:D3}/";

    /// <summary>Every operating day with at least one complete revision, oldest first.</summary>
    public async Task<IReadOnlyList<DateOnly>> DaysAsync(CancellationToken cancellationToken = default)
    {
        var days = new SortedSet<DateOnly>();
        await foreach (var (day, _, file) in EntriesAsync(Root, cancellationToken))
        {
            if (file == ManifestFile)
            {
                days.Add(day);
            }
        }
        return [.. days];
    }

    /// <summary>The complete revisions of a day, oldest first.</summary>
    public async Task<IReadOnlyList<IssueManifest>> RevisionsAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var manifests = new List<IssueManifest>();
        foreach (var revision in await NumbersAsync(day, ManifestFile, cancellationToken))
        {
            if (await artifacts.ReadJsonAsync<IssueManifest>(Folder(day, revision) + ManifestFile, ArtifactJson.Options, cancellationToken) is { } manifest)
            {
                manifests.Add(manifest);
            }
        }
        return manifests;
    }

    /// <summary>A complete revision (the latest when <paramref name="revision"/> is null), or null when there is none.</summary>
    /// <exception cref="InvalidDataException">The forecast file is not the one its manifest names.</exception>
    public async Task<IssuedForecast?> ReadAsync(DateOnly day, int? revision = null, CancellationToken cancellationToken = default)
    {
        var number = revision ?? (await NumbersAsync(day, ManifestFile, cancellationToken)).DefaultIfEmpty(0).Max();
        if (number <= 0 || await artifacts.ReadJsonAsync<IssueManifest>(Folder(day, number) + ManifestFile, ArtifactJson.Options, cancellationToken) is not { } manifest)
        {
            return null;
        }
        await using var stream = await artifacts.TryOpenReadAsync(Folder(day, number) + ForecastFile, cancellationToken)
            ?? throw new InvalidDataException($"{Folder(day, number)}{ForecastFile} is missing beside its manifest.");
        var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes, cancellationToken);
        if (Sha256(bytes.ToArray()) != manifest.ForecastSha256)
        {
            throw new InvalidDataException($"{Folder(day, number)}{ForecastFile} does not match the SHA-256 its manifest gives.");
        }
        var hours = JsonSerializer.Deserialize<List<IssuedHour>>(bytes.ToArray(), ArtifactJson.Options) ?? [];
        return new IssuedForecast(manifest, hours);
    }

    /// <summary>
    /// Writes a new revision: the next number after every revision of the day (complete or not), the hours, then the manifest.
    /// <paramref name="manifest"/>'s revision and checksum are filled in here.
    /// </summary>
    public async Task<IssuedForecast> WriteAsync(IssueManifest manifest, IReadOnlyList<IssuedHour> hours, CancellationToken cancellationToken = default)
    {
        var day = manifest.OperatingDay;
        var revision = (await NumbersAsync(day, file: null, cancellationToken)).DefaultIfEmpty(0).Max() + 1;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(hours, ArtifactJson.Options);
        manifest = manifest with { Revision = revision, ForecastSha256 = Sha256(bytes) };
        await artifacts.WriteAsync(Folder(day, revision) + ForecastFile, new MemoryStream(bytes), cancellationToken);
        await artifacts.WriteJsonAsync(Folder(day, revision) + ManifestFile, manifest, ArtifactJson.Options, cancellationToken);
        return new IssuedForecast(manifest, hours);
    }

    private async Task<List<int>> NumbersAsync(DateOnly day, string? file, CancellationToken cancellationToken)
    {
        var numbers = new HashSet<int>();
        await foreach (var (_, revision, name) in EntriesAsync($"{Root}{day:yyyy-MM-dd}/", cancellationToken))
        {
            if (file is null || name == file)
            {
                numbers.Add(revision);
            }
        }
        return [.. numbers.Order()];
    }

    private async IAsyncEnumerable<(DateOnly Day, int Revision, string File)> EntriesAsync(
        string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var info in artifacts.ListAsync(prefix, cancellationToken))
        {
            var parts = info.Path[Root.Length..].Split('/');
            if (parts.Length == 3
                && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                && parts[1].Length == 4 && parts[1][0] == 'r' && int.TryParse(parts[1][1..], NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
            {
                yield return (day, revision, parts[2]);
            }
        }
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
