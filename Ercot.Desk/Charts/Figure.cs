using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ercot.Desk.Charts;

/// <summary>
/// A chart built on the server and drawn in the page by wwwroot/desk.js with uPlot: x is a list of labels (hours
/// ending or days), each series a line. Series are told apart by dash and marker as well as colour, so that a chart
/// reads in grey too (the legend shows each series' dash); every axis is titled with its unit.
/// </summary>
public sealed class Figure(string title, string xTitle, string yTitle)
{
    private static readonly double[][] Dashes = [[], [8, 4], [2, 3], [8, 3, 2, 3], [14, 4], [14, 4, 2, 4]];
    private static readonly string[] Colours = ["#0f6cbd", "#c50f1f", "#107c10", "#8764b8", "#ca5010", "#038387"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly List<string> _x = [];
    private readonly List<object> _series = [];
    private readonly List<int[]> _bands = [];

    public string Title => title;

    /// <summary>The labels of the series, in order, as the chart's legend shows them.</summary>
    public List<string> Labels { get; } = [];

    /// <summary>The labels along x; every series has one value per label.</summary>
    public Figure Along(IEnumerable<string> x)
    {
        _x.Clear();
        _x.AddRange(x);
        return this;
    }

    /// <summary>A line, styled by its position among the figure's lines; hollow markers on odd styles, filled on even.</summary>
    public Figure Line(string name, IEnumerable<double?> y, int style, bool markers = true) => Add(new
    {
        label = name,
        values = Values(y),
        stroke = Colours[style % Colours.Length],
        width = style == 0 ? 3 : 2,
        dash = Dashes[style % Dashes.Length],
        points = new { show = markers, size = 7, fill = style % 2 == 0 ? Colours[style % Colours.Length] : "#ffffff" },
    }, name);

    /// <summary>A shaded band between two series (low and high), each shown in the legend with its own name.</summary>
    public Figure Band(string lowName, IEnumerable<double?> low, string highName, IEnumerable<double?> high)
    {
        var top = _series.Count + 1;
        Add(new { label = highName, values = Values(high), stroke = "#6c9ed6", width = 1, dash = Dashes[2], points = new { show = false } }, highName);
        Add(new { label = lowName, values = Values(low), stroke = "#6c9ed6", width = 1, dash = Dashes[2], points = new { show = false } }, lowName);
        _bands.Add([top, top + 1]);
        return this;
    }

    /// <summary>A dotted grey reference line at <paramref name="value"/>, e.g. the 80% coverage target.</summary>
    public Figure Reference(string name, double value) => Add(new
    {
        label = name,
        values = _x.Select(_ => (double?)value).ToArray(),
        stroke = "#616161",
        width = 2,
        dash = Dashes[2],
        points = new { show = false },
    }, name);

    public string ToJson() => JsonSerializer.Serialize(new { title, xTitle, yTitle, x = _x, series = _series, bands = _bands }, Json);

    private Figure Add(object series, string label)
    {
        _series.Add(series);
        Labels.Add(label);
        return this;
    }

    private static double?[] Values(IEnumerable<double?> y) =>
        [.. y.Select(value => value is { } v && double.IsFinite(v) ? Math.Round(v, 3) : (double?)null)];
}
