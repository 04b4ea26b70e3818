using System.Globalization;
using System.Text.Json;
using Ercot.Core.Time;

namespace Ercot.Inference.Scoring;

/// <summary>
/// Reads a <c>/score</c> body in either shape — <c>{ "model", "rows": [{ "settlementPoint",
/// "deliveryHour" | "deliveryDate" + "hourEnding" [+ "dstFlag"], "features": {…} }] }</c> or the older
/// <c>{ "data": [{ "TimestampHour", "SettlementPoint", …features }] }</c> — and collects every problem
/// (row by row, naming fields and features) instead of stopping at the first.
/// </summary>
public static class ScoreRequestReader
{
    private const int MaxProblems = 50;

    public static (ScoreRequest? Request, ScoreRejection? Rejection) Read(JsonElement body, LoadedModels models, int maxRows)
    {
        var problems = new List<string>();
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, new ScoreRejection(400, "Not a scoring request", ["The body must be a JSON object with 'rows' (or the older 'data')."]));
        }
        var model = LoadedModels.Ensemble;
        if (body.TryGetProperty("model", out var name) && name.ValueKind is not JsonValueKind.Null)
        {
            if (name.ValueKind == JsonValueKind.String)
            {
                model = name.GetString()!;
            }
            else
            {
                problems.Add($"'model' must be a model's name as a string, got {Shorten(name.GetRawText())}.");
            }
        }
        if (model != LoadedModels.Ensemble && !models.Models.ContainsKey(model))
        {
            problems.Add($"Unknown model '{Shorten(model)}'; choose one of: {string.Join(", ", models.Models.Keys.Prepend(LoadedModels.Ensemble))}.");
        }
        var flat = !body.TryGetProperty("rows", out var rows) && body.TryGetProperty("data", out rows);
        if (rows.ValueKind != JsonValueKind.Array)
        {
            problems.Add("Give the rows to score as an array in 'rows' (or 'data').");
            return (null, new ScoreRejection(400, "Invalid scoring request", problems));
        }
        var count = rows.GetArrayLength();
        if (count > maxRows)
        {
            return (null, new ScoreRejection(413, "Too many rows", [$"The request has {count:N0} rows; at most {maxRows:N0} may be scored at once."]));
        }
        if (count == 0)
        {
            problems.Add("There are no rows to score.");
        }

        var index = models.Features.Select((feature, i) => (feature, i)).ToDictionary(pair => pair.feature, pair => pair.i, StringComparer.Ordinal);
        var parsed = new List<ScoreRow>(count);
        var i = 0;
        foreach (var row in rows.EnumerateArray())
        {
            var where = $"rows[{i++}]";
            if (row.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{where} is not an object.");
                continue;
            }
            var point = Text(row, flat ? "SettlementPoint" : "settlementPoint");
            if (string.IsNullOrWhiteSpace(point))
            {
                problems.Add($"{where}: '{(flat ? "SettlementPoint" : "settlementPoint")}' is required.");
            }
            var hour = flat ? ReadInstant(row, "TimestampHour", where, problems) : ReadHour(row, where, problems);
            var features = flat ? row : row.TryGetProperty("features", out var f) && f.ValueKind == JsonValueKind.Object ? f : default;
            if (features.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{where}: 'features' must be an object of feature name → number.");
                continue;
            }
            var values = ReadFeatures(features, index, flat, where, problems);
            if (point is not null && hour is not null && values is not null)
            {
                parsed.Add(new ScoreRow(point, hour.Value, values));
            }
        }
        return problems.Count > 0
            ? (null, new ScoreRejection(400, "Invalid scoring request", problems.Count > MaxProblems ? [.. problems.Take(MaxProblems), $"… and {problems.Count - MaxProblems} more problems."] : problems))
            : (new ScoreRequest(model, parsed), null);
    }

    private static float[]? ReadFeatures(JsonElement features, Dictionary<string, int> index, bool flat, string where, List<string> problems)
    {
        var values = new float[index.Count];
        var seen = new bool[index.Count];
        var unknown = new List<string>();
        var ok = true;
        foreach (var property in features.EnumerateObject())
        {
            if (flat && property.Name is "SettlementPoint" or "TimestampHour")
            {
                continue;
            }
            if (!index.TryGetValue(property.Name, out var position))
            {
                unknown.Add(property.Name);
                continue;
            }
            seen[position] = true;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Null:
                    values[position] = float.NaN; // explicitly unknown, as the feature store has it
                    break;
                case JsonValueKind.Number when property.Value.TryGetDouble(out var number) && double.IsFinite(number) && Math.Abs(number) < float.MaxValue:
                    values[position] = (float)number;
                    break;
                default:
                    problems.Add($"{where}: feature '{property.Name}' is {Shorten(property.Value.GetRawText())}; give a finite number or null.");
                    ok = false;
                    break;
            }
        }
        var missing = index.Where(pair => !seen[pair.Value]).Select(pair => pair.Key).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{where}: missing feature(s) {Names(missing)}.");
        }
        if (unknown.Count > 0)
        {
            problems.Add($"{where}: unknown feature(s) {Names(unknown)}.");
        }
        return ok && missing.Count == 0 && unknown.Count == 0 ? values : null;
    }

    private static DateTime? ReadHour(JsonElement row, string where, List<string> problems)
    {
        if (row.TryGetProperty("deliveryHour", out _))
        {
            return ReadInstant(row, "deliveryHour", where, problems);
        }
        var date = Text(row, "deliveryDate");
        if (date is null || !row.TryGetProperty("hourEnding", out var hourEnding))
        {
            problems.Add($"{where}: give 'deliveryHour' (UTC) or 'deliveryDate' and 'hourEnding'.");
            return null;
        }
        try
        {
            var hour = hourEnding.ValueKind == JsonValueKind.Number ? hourEnding.GetInt32() : ErcotTime.ParseHourEnding(hourEnding.GetString() ?? "");
            var repeated = row.TryGetProperty("dstFlag", out var flag) && flag.ValueKind == JsonValueKind.True;
            return ErcotTime.HourStartUtc(ErcotTime.ParseDate(date), hour, repeated);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException)
        {
            // ArgumentOutOfRangeException included: an hour past 9999-12-31 23:00 cannot be represented.
            problems.Add($"{where}: {(e is ArgumentOutOfRangeException ? $"'deliveryDate' {Shorten(date)} hour ending {Shorten(hourEnding.GetRawText())} is not a representable hour." : Shorten(e.Message, 200))}");
            return null;
        }
    }

    private static DateTime? ReadInstant(JsonElement row, string field, string where, List<string> problems)
    {
        var text = Text(row, field);
        if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            problems.Add($"{where}: '{field}' must be an ISO-8601 instant, got {(text is null ? "nothing" : $"'{Shorten(text)}'")}.");
            return null;
        }
        if (instant.Minute != 0 || instant.Second != 0 || instant.Millisecond != 0)
        {
            problems.Add($"{where}: '{field}' {text} is not the start of an hour.");
            return null;
        }
        return instant.UtcDateTime;
    }

    private static string? Text(JsonElement row, string field) =>
        row.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A value quoted in a problem, cut short: an echo must not be the size of the body.</summary>
    internal static string Shorten(string text, int length = 40) => text.Length <= length ? text : $"{text[..length]}…";

    private static string Names(List<string> names) =>
        string.Join(", ", names.Take(10).Select(name => $"'{Shorten(name)}'")) + (names.Count > 10 ? $" and {names.Count - 10} more" : "");
}
