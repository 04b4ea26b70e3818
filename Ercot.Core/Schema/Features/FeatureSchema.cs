using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ercot.Core.Schema.Features;

/// <summary>
/// What a feature file holds: key columns, the target, and every feature with its source and
/// availability rule, identified by a hash of names, order and rules. A model records the hash it
/// was trained on; a different hash at scoring time is an error, not a guess.
/// </summary>
public sealed record FeatureSchema(
    int Version,
    string Gate,
    IReadOnlyList<FeatureColumn> Keys,
    FeatureColumn Target,
    IReadOnlyList<FeatureColumn> Features)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>SHA-256 (hex, first 16 characters) of the schema's canonical JSON.</summary>
    [JsonIgnore]
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this, Json))))[..16];

    public static FeatureSchema Current { get; } = new(
        Version: 1,
        Gate: "10:00 America/Chicago on the day before the operating day",
        Keys:
        [
            new("settlement_point", "string", ["hist_DAMSettlementPointPrices"], "key", "ERCOT settlement point name"),
            new("delivery_hour_utc", "timestamp", [], "key", "UTC start of the delivery hour"),
            new("delivery_date", "date", [], "key", "ERCOT operating day (Central)"),
            new("hour_ending", "int", [], "key", "ERCOT hour ending 1..24"),
            new("dst_flag", "bool", [], "key", "true for the repeated hour of the fall-back day"),
            new("delivery_month", "string", [], "key", "yyyy-MM of the operating day; the file's partition"),
            new("rt_source", "string", ["hist_RealTimeLMP", "hist_LMPbyResourceNodesLoadZonesandTradingHubs"], "label",
                "which real-time price the target used: 'spp' (all four 15-minute SPPs) or 'sced' (hourly mean of SCED LMPs, no adders); null when unknown"),
        ],
        Target: new("dart", "double", ["hist_DAMSettlementPointPrices", "hist_RealTimeLMP", "hist_LMPbyResourceNodesLoadZonesandTradingHubs"],
            "target: known after the operating day", "DAM settlement point price minus the hourly real-time price, $/MWh"),
        Features: [.. FeatureCatalog.All.Select(feature => new FeatureColumn(feature.Name, "double", feature.Sources, feature.Availability, feature.Description))]);

    public string ToJson() => JsonSerializer.Serialize(new SchemaDocument(this, Hash), Json);

    public static (FeatureSchema Schema, string Hash) FromJson(string json)
    {
        var document = JsonSerializer.Deserialize<SchemaDocument>(json, Json) ?? throw new JsonException("The feature schema is empty.");
        return (document.Schema, document.Hash);
    }

    private sealed record SchemaDocument(FeatureSchema Schema, string Hash);
}

/// <summary>A column of the feature file, as the schema describes it.</summary>
public sealed record FeatureColumn(string Name, string Type, IReadOnlyList<string> Sources, string Availability, string Description);
