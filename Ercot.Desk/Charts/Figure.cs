using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ercot.Desk.Charts;

/// <summary>
/// A plotly.js figure (traces and layout) built on the server and drawn in the page by wwwroot/desk.js. Series are
/// told apart by line dash and marker shape as well as colour, so that a chart reads in grey too; every axis is
/// titled with its unit.
/// </summary>
public sealed class Figure(string title, string xTitle, string yTitle)
{
    private static readonly string[] Dashes = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"];
    private static readonly string[] Symbols = ["circle", "square", "diamond", "triangle-up", "x", "cross"];
    private static readonly string[] Patterns = ["", "/", ".", "x", "-", "+"];
    private static readonly string[] Colours = ["#0f6cbd", "#c50f1f", "#107c10", "#8764b8", "#ca5010", "#038387"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly List<object> _traces = [];

    public string Title => title;

    public int Count => _traces.Count;

    /// <summary>A line with markers, styled by its position among the figure's lines.</summary>
    public Figure Line<TX>(string name, IEnumerable<TX> x, IEnumerable<double?> y, int style, bool markers = true)
    {
        _traces.Add(new
        {
            type = "scatter",
            mode = markers ? "lines+markers" : "lines",
            name,
            x = x.ToArray(),
            y = y.Select(Finite).ToArray(),
            line = new { dash = Dashes[style % Dashes.Length], color = Colours[style % Colours.Length], width = style == 0 ? 3 : 2 },
            marker = markers ? new { symbol = Symbols[style % Symbols.Length], size = 6 } : null,
        });
        return this;
    }

    /// <summary>A shaded band between <paramref name="low"/> and <paramref name="high"/>, named once in the legend.</summary>
    public Figure Band<TX>(string name, IEnumerable<TX> x, IEnumerable<double?> low, IEnumerable<double?> high)
    {
        var xs = x.ToArray();
        _traces.Add(new { type = "scatter", mode = "lines", name = $"{name} (low)", x = xs, y = low.Select(Finite).ToArray(), line = new { width = 0, color = "#6c9ed6" }, showlegend = false, hoverinfo = "skip" });
        _traces.Add(new
        {
            type = "scatter", mode = "lines", name, x = xs, y = high.Select(Finite).ToArray(),
            fill = "tonexty", fillcolor = "rgba(15,108,189,0.18)", fillpattern = new { shape = "/", fgcolor = "rgba(15,108,189,0.35)" },
            line = new { width = 0, color = "#6c9ed6" },
        });
        return this;
    }

    /// <summary>Bars, patterned by their position among the figure's bar series.</summary>
    public Figure Bars<TX>(string name, IEnumerable<TX> x, IEnumerable<double?> y, int style)
    {
        _traces.Add(new
        {
            type = "bar",
            name,
            x = x.ToArray(),
            y = y.Select(Finite).ToArray(),
            marker = new { color = Colours[style % Colours.Length], pattern = new { shape = Patterns[style % Patterns.Length] } },
        });
        return this;
    }

    /// <summary>A dotted horizontal reference line, e.g. the 80% coverage target.</summary>
    public Figure Reference<TX>(string name, IEnumerable<TX> x, double value)
    {
        var xs = x.ToArray();
        _traces.Add(new { type = "scatter", mode = "lines", name, x = xs, y = xs.Select(_ => value).ToArray(), line = new { dash = "dot", color = "#616161", width = 2 } });
        return this;
    }

    public string ToJson(string? xType = null) => JsonSerializer.Serialize(new
    {
        data = _traces,
        layout = new
        {
            title = new { text = title },
            xaxis = new { title = new { text = xTitle }, type = xType, automargin = true },
            yaxis = new { title = new { text = yTitle }, automargin = true, zeroline = true },
            legend = new { orientation = "h", y = -0.25 },
            margin = new { t = 48, r = 16 },
            height = 360,
        },
    }, Json);

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, 3) : null;
}
