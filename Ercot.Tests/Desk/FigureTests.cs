using System.Text.Json;
using Ercot.Desk.Charts;
using Ercot.Desk.Data;

namespace Ercot.Tests.Desk;

public sealed class FigureTests
{
    [Fact]
    public void AForecastChart_HasTheBandBetweenP10AndP90_ThenTheEnsemble_ThenEachModel_AndNoNaN()
    {
        var hours = Enumerable.Range(1, 3).Select(hour => new ForecastHour(hour, false, new DateTime(2024, 6, 28, 4 + hour, 0, 0, DateTimeKind.Utc),
            Dart: hour, P10: hour - 5, P90: hour == 2 ? double.NaN : hour + 5,
            Models: new Dictionary<string, double> { ["xgboost"] = hour + 0.5, ["lightgbm"] = hour - 0.5 }, MissingInputs: [])).ToList();

        var json = JsonDocument.Parse(ForecastFigures.Of(new PointForecast("HB_NORTH", hours)).ToJson()).RootElement;

        Assert.Equal(["HE 01", "HE 02", "HE 03"], json.GetProperty("x").EnumerateArray().Select(x => x.GetString()));
        var series = json.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(["p90", "p10", "ensemble", "lightgbm", "xgboost"], series.Select(s => s.GetProperty("label").GetString()));
        // uPlot numbers series from 1 (0 is x): the band fills between p90 and p10.
        Assert.Equal([1, 2], json.GetProperty("bands")[0].EnumerateArray().Select(b => b.GetInt32()));
        Assert.Equal(JsonValueKind.Null, series[0].GetProperty("values")[1].ValueKind);
        Assert.Equal("DART ($/MWh)", json.GetProperty("yTitle").GetString());
        Assert.Equal("Hour ending (Central time)", json.GetProperty("xTitle").GetString());
        // Told apart without colour: no two lines share a dash pattern.
        var dashes = series.Skip(2).Select(s => string.Join(",", s.GetProperty("dash").EnumerateArray().Select(d => d.GetDouble()))).ToList();
        Assert.Equal(dashes.Count, dashes.Distinct().Count());
    }
}
