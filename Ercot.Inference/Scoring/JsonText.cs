using System.Text.Json;

namespace Ercot.Inference.Scoring;

/// <summary>
/// A parsed body can still hold text that is not text: invalid UTF-8 bytes or a lone UTF-16 surrogate escape
/// (<c>"\ud800"</c>) parse as JSON but throw when read as a string. Looking once, before anything reads the body,
/// turns that into a 400 naming where it is instead of a 500 wherever it happens to be read first.
/// </summary>
public static class JsonText
{
    /// <summary>The JSON path of the first string or property name that cannot be read as text, or null.</summary>
    public static string? FindUnreadable(JsonElement element, string path = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when !Readable(element.GetString):
                return path;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!Readable(() => property.Name))
                    {
                        return $"{path} (a property name)";
                    }
                    if (FindUnreadable(property.Value, $"{path}.{property.Name}") is { } inside)
                    {
                        return inside;
                    }
                }
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FindUnreadable(item, $"{path}[{index++}]") is { } inside)
                    {
                        return inside;
                    }
                }
                return null;
            default:
                return null;
        }
    }

    /// <summary>The problem to answer for a body with unreadable text at <paramref name="path"/>.</summary>
    public static string Problem(string path) =>
        $"The text at {path} is not valid UTF-8 or holds a lone UTF-16 surrogate; send UTF-8 JSON with well-formed strings.";

    private static bool Readable(Func<string?> read)
    {
        try
        {
            _ = read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
