using System.Security.Cryptography;
using Ercot.Core.Security;

namespace Ercot.Gateway.Auth;

/// <summary>
/// The keys the gateway accepts, held as SHA-256 hashes. A presented key is hashed and compared with
/// every configured hash in constant time, so neither the comparison nor the position of the match
/// tells an attacker anything.
/// </summary>
public sealed class ApiKeyStore
{
    public const string DevelopmentKeyName = "development";

    private readonly ApiKey[] _keys;

    private ApiKeyStore(ApiKey[] keys) => _keys = keys;

    public int Count => _keys.Length;

    /// <summary>Builds the store from validated options. The development key joins only when <paramref name="isDevelopment"/>.</summary>
    public static ApiKeyStore Create(GatewayOptions options, bool isDevelopment)
    {
        var keys = options.ApiKeys
            .Select(key => new ApiKey(
                key.Name,
                Convert.FromHexString(key.Sha256),
                key.Scopes.ToHashSet(StringComparer.Ordinal),
                key.RequestsPerMinute ?? options.RequestsPerMinute))
            .ToList();
        if (isDevelopment && !string.IsNullOrEmpty(options.DevelopmentKeySha256))
        {
            keys.Add(new ApiKey(
                DevelopmentKeyName,
                Convert.FromHexString(options.DevelopmentKeySha256),
                ApiKeyScopes.All,
                options.RequestsPerMinute));
        }
        return new ApiKeyStore([.. keys]);
    }

    /// <summary>The key whose hash matches <paramref name="presentedKey"/>, or <see langword="null"/>.</summary>
    public ApiKey? Find(string presentedKey)
    {
        var hash = ApiKeyHash.Compute(presentedKey);
        ApiKey? match = null;
        foreach (var key in _keys)
        {
            // No early exit: every request does the same work whichever key (if any) it holds.
            if (CryptographicOperations.FixedTimeEquals(key.Hash, hash))
            {
                match ??= key;
            }
        }
        return match;
    }

    /// <summary>The key named <paramref name="name"/>, or <see langword="null"/> once it has been removed.</summary>
    public ApiKey? FindByName(string name) => _keys.FirstOrDefault(key => key.Name == name);

    /// <summary>The rate limit of the key named <paramref name="name"/>.</summary>
    public int RequestsPerMinuteOf(string name) =>
        _keys.FirstOrDefault(key => key.Name == name)?.RequestsPerMinute
        ?? throw new InvalidOperationException($"No API key is named '{name}'.");
}
