using System.Security.Cryptography;
using System.Text;

namespace Ercot.Core.Security;

/// <summary>
/// How API keys are stored in configuration: the lower-case hex SHA-256 of the key's UTF-8 bytes.
/// One definition for the gateway (which verifies), the AppHost (which configures the development
/// key) and the tests.
/// </summary>
public static class ApiKeyHash
{
    public const int HexLength = SHA256.HashSizeInBytes * 2;

    public static string ComputeHex(string key) => Convert.ToHexStringLower(Compute(key));

    public static byte[] Compute(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    /// <summary>A new random key: 32 bytes of entropy, URL-safe base64 with an <c>ercot_</c> prefix so that secret scanners spot it.</summary>
    public static string NewKey() =>
        "ercot_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
