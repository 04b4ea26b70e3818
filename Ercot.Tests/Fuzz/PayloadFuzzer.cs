using System.Text;
using System.Text.Json.Nodes;

namespace Ercot.Tests.Fuzz;

/// <summary>One generated request body: its bytes, its content type and what was done to make it.</summary>
public sealed record FuzzedPayload(byte[] Body, string? ContentType, string Mutation)
{
    /// <summary>How a failure names the payload: the mutation and the start of the body (escaped, bytes that are not UTF-8 shown).</summary>
    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(Body.AsSpan(0, Math.Min(Body.Length, 300)));
        return $"[{Mutation}, {Body.Length:N0} bytes, {ContentType ?? "no content type"}] {text}";
    }
}

/// <summary>
/// Seeded mutations of valid request bodies, of the kinds a careless or hostile client sends: a value of the wrong
/// JSON type, an extreme number or date, a missing or an unknown field, a lone UTF-16 surrogate, bytes that are not
/// UTF-8, a truncated or corrupted body, deep nesting, a large body, a wrong content type. The same seed gives the
/// same payloads, so a failure can be replayed.
/// </summary>
public sealed class PayloadFuzzer(IReadOnlyList<string> validBodies, int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Texts =
    [
        "", " ", "HB_NORTH", "ensemble", "lightgbm", "9999-12-31", "0001-01-01", "2026-13-01", "2024-02-30", "2024-07-01",
        "2024-07-01T05:00:00Z", "2024-07-01T05:30:00+02:00", "9999-12-31T23:00:00Z", "24:00", "25", "-1", "NaN", "Infinity",
        "\u0000", "null", "<script>", "ÄÖÜ ✓ 🙂", "Week", "Month", "Yearly",
    ];

    private static readonly string[] Numbers =
    [
        "0", "-1", "1", "24", "25", "1.5", "-0", "1e308", "-1e308", "1e-320", "1e999", "-1e999", "99999999999999999999999999",
        "2147483648", "-2147483649", "9223372036854775808", "3.4028236e38", "0.0000001",
    ];

    private static readonly string[] Documents = ["", " ", "null", "[]", "{}", "123", "\"text\"", "true", "[{}]", "{\"\":{}}", "\uFEFF{}"];

    public IEnumerable<FuzzedPayload> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Next();
        }
    }

    public FuzzedPayload Next()
    {
        var body = validBodies[_random.Next(validBodies.Count)];
        return _random.Next(100) switch
        {
            < 40 => Json(ReplaceValue(body), "wrong value"),
            < 48 => Json(RemoveOrAdd(body), "missing or unknown field"),
            < 56 => Json(LoneSurrogate(body), "lone surrogate"),
            < 64 => new FuzzedPayload(InvalidUtf8(body), "application/json", "invalid UTF-8"),
            < 72 => Json(body[.._random.Next(body.Length)], "truncated"),
            < 78 => new FuzzedPayload(FlipBytes(body), "application/json", "corrupted bytes"),
            < 84 => Json(DeepNesting(body), "deep nesting"),
            < 88 => Json(Documents[_random.Next(Documents.Length)], "odd document"),
            < 90 => Json(Large(body), "large body"),
            < 94 => new FuzzedPayload(Encoding.UTF8.GetBytes(body), _random.Next(3) switch { 0 => null, 1 => "text/plain", _ => "application/xml" }, "wrong content type"),
            _ => Json(body, "valid"),
        };
    }

    private static FuzzedPayload Json(string body, string mutation) => new(Encoding.UTF8.GetBytes(body), "application/json", mutation);

    /// <summary>Some value anywhere in the document replaced by one of another type or an extreme one.</summary>
    private string ReplaceValue(string body)
    {
        var root = JsonNode.Parse(body)!;
        var (parent, key) = PickSlot(root);
        var replacement = RandomValue(depth: 0);
        if (parent is JsonObject obj)
        {
            obj[(string)key] = replacement;
        }
        else if (parent is JsonArray array)
        {
            array[(int)key] = replacement;
        }
        var text = root.ToJsonString();
        // Numbers a JsonNode cannot hold are spliced in as text.
        return _random.Next(4) == 0 ? SpliceNumber(text) : text;
    }

    private string RemoveOrAdd(string body)
    {
        var root = JsonNode.Parse(body)!;
        var objects = Descendants(root).OfType<JsonObject>().ToList();
        var target = objects[_random.Next(objects.Count)];
        if (target.Count > 0 && _random.Next(2) == 0)
        {
            target.Remove(target.ElementAt(_random.Next(target.Count)).Key);
        }
        else
        {
            target[_random.Next(3) == 0 ? "" : $"unknown{_random.Next(100)}"] = RandomValue(depth: 0);
        }
        return root.ToJsonString();
    }

    /// <summary>A lone high or low surrogate escape written into a string or a property name.</summary>
    private string LoneSurrogate(string body)
    {
        var quotes = Enumerable.Range(0, body.Length).Where(i => body[i] == '"').ToList();
        var at = quotes[_random.Next(quotes.Count)] + 1;
        var escape = _random.Next(2) == 0 ? "\\ud800" : "\\udfff";
        return body[..at] + escape + body[at..];
    }

    private byte[] InvalidUtf8(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body).ToList();
        byte[][] invalid = [[0xC3, 0x28], [0xFF], [0x80], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82]];
        var quotes = Enumerable.Range(0, bytes.Count).Where(i => bytes[i] == (byte)'"').ToList();
        var at = _random.Next(3) == 0 ? _random.Next(bytes.Count) : quotes[_random.Next(quotes.Count)] + 1;
        bytes.InsertRange(at, invalid[_random.Next(invalid.Length)]);
        return [.. bytes];
    }

    private byte[] FlipBytes(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        for (var flips = _random.Next(1, 4); flips > 0; flips--)
        {
            bytes[_random.Next(bytes.Length)] = (byte)_random.Next(256);
        }
        return bytes;
    }

    /// <summary>A value wrapped in tens to thousands of arrays or objects, past any parser's depth limit.</summary>
    private string DeepNesting(string body)
    {
        var depth = _random.Next(2) == 0 ? _random.Next(60, 70) : _random.Next(1_000, 20_000);
        var inner = _random.Next(2) == 0 ? body : "1";
        return _random.Next(2) == 0
            ? new string('[', depth) + inner + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + inner + new string('}', depth);
    }

    /// <summary>A body of about a megabyte: a long string in some field, or the same value many times over.</summary>
    private string Large(string body)
    {
        var root = JsonNode.Parse(body)!;
        var (parent, key) = PickSlot(root);
        JsonNode large = _random.Next(2) == 0
            ? JsonValue.Create(new string('x', 1_000_000))
            : new JsonArray([.. Enumerable.Range(0, 100_000).Select(i => (JsonNode?)JsonValue.Create(i))]);
        if (parent is JsonObject obj)
        {
            obj[(string)key] = large;
        }
        else if (parent is JsonArray array)
        {
            array[(int)key] = large;
        }
        return root.ToJsonString();
    }

    private string SpliceNumber(string text)
    {
        var marker = "\"__number__\"";
        var root = JsonNode.Parse(text)!;
        var (parent, key) = PickSlot(root);
        if (parent is JsonObject obj)
        {
            obj[(string)key] = "__number__";
        }
        else if (parent is JsonArray array)
        {
            array[(int)key] = "__number__";
        }
        return root.ToJsonString().Replace(marker, Numbers[_random.Next(Numbers.Length)], StringComparison.Ordinal);
    }

    private JsonNode? RandomValue(int depth) => _random.Next(depth > 2 ? 4 : 6) switch
    {
        0 => JsonValue.Create(Texts[_random.Next(Texts.Length)]),
        1 => JsonValue.Create(double.Parse(Numbers[_random.Next(8)], System.Globalization.CultureInfo.InvariantCulture)),
        2 => JsonValue.Create(_random.Next(2) == 0),
        3 => null,
        4 => new JsonArray([.. Enumerable.Range(0, _random.Next(4)).Select(_ => RandomValue(depth + 1))]),
        _ => new JsonObject(Enumerable.Range(0, _random.Next(3)).Select(i => KeyValuePair.Create($"k{i}", RandomValue(depth + 1)))),
    };

    /// <summary>A random place in the document: a property of an object or an item of an array.</summary>
    private (JsonNode Parent, object Key) PickSlot(JsonNode root)
    {
        var slots = Descendants(root).SelectMany<JsonNode, (JsonNode, object)>(node => node switch
        {
            JsonObject obj => obj.Select(pair => ((JsonNode)obj, (object)pair.Key)),
            JsonArray array => Enumerable.Range(0, array.Count).Select(i => ((JsonNode)array, (object)i)),
            _ => [],
        }).ToList();
        return slots[_random.Next(slots.Count)];
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode? node)
    {
        if (node is null)
        {
            yield break;
        }
        yield return node;
        var children = node switch
        {
            JsonObject obj => obj.Select(pair => pair.Value),
            JsonArray array => array.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}
