using Ercot.Core.Security;
using Microsoft.Extensions.Options;

namespace Ercot.Gateway.Auth;

/// <summary>
/// Rejects a malformed key configuration at start-up with a message that names the entry
/// (<c>Gateway:ApiKeys:2 ('risk-desk')</c>) and what is wrong with it.
/// </summary>
public sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            var where = $"{GatewayOptions.SectionName}:ApiKeys:{i}" + (string.IsNullOrWhiteSpace(key.Name) ? "" : $" ('{key.Name}')");
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                failures.Add($"{where}: Name is required.");
            }
            else if (!seen.Add(key.Name))
            {
                failures.Add($"{where}: Name '{key.Name}' is used by another key; names identify keys in logs and must be unique.");
            }
            if (!IsSha256Hex(key.Sha256))
            {
                failures.Add($"{where}: Sha256 must be the {ApiKeyHash.HexLength} hex characters of the key's SHA-256 hash, got {Describe(key.Sha256)}. Never configure the key itself.");
            }
            if (key.Scopes.Count == 0)
            {
                failures.Add($"{where}: Scopes is empty; give at least one of: {string.Join(", ", ApiKeyScopes.All)}.");
            }
            foreach (var scope in key.Scopes.Where(scope => !ApiKeyScopes.All.Contains(scope)))
            {
                failures.Add($"{where}: unknown scope '{scope}'; known scopes are: {string.Join(", ", ApiKeyScopes.All)}.");
            }
            if (key.RequestsPerMinute is <= 0)
            {
                failures.Add($"{where}: RequestsPerMinute must be positive, got {key.RequestsPerMinute}.");
            }
        }
        if (options.DevelopmentKeySha256 is { Length: > 0 } development && !IsSha256Hex(development))
        {
            failures.Add($"{GatewayOptions.SectionName}:DevelopmentKeySha256 must be {ApiKeyHash.HexLength} hex characters, got {Describe(development)}.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsSha256Hex(string? value) =>
        value is { Length: ApiKeyHash.HexLength } && value.All(char.IsAsciiHexDigit);

    // Says what was there without echoing it: a misplaced plaintext key must not reach the logs.
    private static string Describe(string? value) => string.IsNullOrEmpty(value)
        ? "nothing"
        : $"{value.Length} characters{(value.All(char.IsAsciiHexDigit) ? "" : " including non-hex ones")}";
}
