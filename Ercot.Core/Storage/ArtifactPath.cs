using System.Buffers;

namespace Ercot.Core.Storage;

/// <summary>
/// The one rule for artifact paths, shared by every store so that a path valid in a local folder is
/// valid in Blob storage too: relative, '/'-separated segments of letters, digits and <c>- _ . =</c>,
/// none empty and none starting with a dot (which also rules out <c>..</c>).
/// </summary>
public static class ArtifactPath
{
    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.=");

    public const int MaxLength = 512;

    /// <summary>Returns the path unchanged, or throws an <see cref="ArgumentException"/> that says what is wrong with it.</summary>
    public static string Validate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            throw Invalid(path, "it is empty");
        }
        if (path.Length > MaxLength)
        {
            throw Invalid(path, $"it is longer than {MaxLength} characters");
        }
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0)
            {
                throw Invalid(path, "it has an empty segment (a leading, trailing or doubled '/')");
            }
            if (segment[0] == '.')
            {
                throw Invalid(path, $"segment '{segment}' starts with '.'");
            }
            var bad = segment.AsSpan().IndexOfAnyExcept(Allowed);
            if (bad >= 0)
            {
                throw Invalid(path, $"segment '{segment}' contains '{segment[bad]}'; use letters, digits and - _ . =");
            }
        }
        return path;
    }

    /// <summary>A listing prefix is empty or a path prefix; it may end with '/'.</summary>
    public static string ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var withoutSlash = prefix.EndsWith('/') ? prefix[..^1] : prefix;
        if (withoutSlash.Length > 0)
        {
            Validate(withoutSlash);
        }
        return prefix;
    }

    private static ArgumentException Invalid(string path, string reason) =>
        new($"Artifact path '{path}' is invalid: {reason}.", nameof(path));
}
