using System.Text.Json;
using Ercot.Core.Models;
using Ercot.Inference.Scoring;
using Ercot.Tests.Training;
using Ercot.Models;

namespace Ercot.Tests.Inference;

public sealed class ScoreRequestReaderTests : IClassFixture<ScoreRequestReaderTests.TrainedModels>
{
    private readonly LoadedModels _models;

    public ScoreRequestReaderTests(TrainedModels trained) => _models = trained.Models;

    private static string Features(params (string Name, string Value)[] overrides)
    {
        var values = SyntheticDart.Features.ToDictionary(name => name, name => name == "cal_hour_ending" ? "14" : "0.5");
        foreach (var (name, value) in overrides)
        {
            values[name] = value;
        }
        return "{" + string.Join(",", values.Select(pair => $"\"{pair.Key}\":{pair.Value}")) + "}";
    }

    private (ScoreRequest? Request, ScoreRejection? Rejection) Read(string json, int maxRows = 100) =>
        ScoreRequestReader.Read(JsonDocument.Parse(json).RootElement, _models, maxRows);

    [Fact]
    public void BothShapes_ReadTheSameRow_AndScoreIt()
    {
        var (rows, _) = Read($$"""{"model":"ensemble","rows":[{"settlementPoint":"HB_NORTH","deliveryDate":"2024-07-02","hourEnding":"14:00","features":{{Features()}}}]}""");
        var flat = Features().TrimStart('{').TrimEnd('}');
        var (data, _) = Read($$"""{"data":[{"TimestampHour":"2024-07-02T18:00:00Z","SettlementPoint":"HB_NORTH",{{flat}}}]}""");

        Assert.NotNull(rows);
        Assert.NotNull(data);
        Assert.Equal(rows.Rows[0].DeliveryHourUtc, data.Rows[0].DeliveryHourUtc);
        Assert.Equal(rows.Rows[0].Features, data.Rows[0].Features);
        var scored = Scorer.Score(rows, _models);
        Assert.Equal(_models.Versions, scored.ModelVersions);
        Assert.Equal(scored.Predictions[0].Models.Values.Average(), scored.Predictions[0].Dart, 3);
    }

    public static TheoryData<string, int, string> Problems => new()
    {
        { $$"""{"model":"randomforest","rows":[{"settlementPoint":"HB_NORTH","deliveryHour":"2024-07-02T18:00:00Z","features":{{Features()}}}]}""", 400, "Unknown model 'randomforest'" },
        { """{"rows":[{"settlementPoint":"HB_NORTH","deliveryHour":"2024-07-02T18:00:00Z","features":{"x0":1,"bogus":2}}]}""", 400, "missing feature(s) 'x1', 'x2'" },
        { """{"rows":[{"settlementPoint":"HB_NORTH","deliveryHour":"2024-07-02T18:00:00Z","features":{"x0":1,"bogus":2}}]}""", 400, "unknown feature(s) 'bogus'" },
        { $$"""{"rows":[{"settlementPoint":"HB_NORTH","deliveryHour":"2024-07-02T18:00:00Z","features":{{Features(("x1", "1e999"))}}}]}""", 400, "feature 'x1' is 1e999" },
        { $$"""{"rows":[{"settlementPoint":"HB_NORTH","deliveryHour":"2024-07-02T18:30:00Z","features":{{Features()}}}]}""", 400, "is not the start of an hour" },
        { $$"""{"rows":[{"settlementPoint":"HB_NORTH","deliveryDate":"2024-03-10","hourEnding":3,"features":{{Features()}}}]}""", 400, "HE 03 on 2024-03-10 does not exist" },
        { $$"""{"rows":[{"deliveryHour":"yesterday","features":{{Features()}}}]}""", 400, "'settlementPoint' is required" },
        { """{"rows":[]}""", 400, "no rows" },
        { """[1,2,3]""", 400, "must be a JSON object" },
        { $$"""{"model":123,"rows":[{"settlementPoint":"HB_NORTH","deliveryHour":"2024-07-02T18:00:00Z","features":{{Features()}}}]}""", 400, "'model' must be a model's name as a string, got 123" },
        { $$"""{"model":"","rows":[{"settlementPoint":"HB_NORTH","deliveryHour":"2024-07-02T18:00:00Z","features":{{Features()}}}]}""", 400, "Unknown model ''" },
        { $$"""{"rows":[{"settlementPoint":"HB_NORTH","deliveryDate":"9999-12-31","hourEnding":24,"features":{{Features()}}}]}""", 400, "'deliveryDate' 9999-12-31 hour ending 24 is not a representable hour" },
    };

    [Theory]
    [InlineData("\\ud800", "$.rows[0].settlementPoint")]
    [InlineData("HB_\\udfffNORTH", "$.rows[0].settlementPoint")]
    public void ALoneSurrogate_IsFound_WhereItIs(string point, string path)
    {
        using var body = JsonDocument.Parse($$$"""{"rows":[{"settlementPoint":"{{{point}}}","features":{}}]}""");

        Assert.Equal(path, JsonText.FindUnreadable(body.RootElement));
    }

    [Fact]
    public void InvalidUtf8_InAPropertyName_IsFound()
    {
        byte[] json = [.. "{\"rows\":[{\"x"u8.ToArray(), 0xC3, 0x28, .. "\":1}]}"u8.ToArray()];
        using var body = JsonDocument.Parse(json);

        Assert.Equal("$.rows[0] (a property name)", JsonText.FindUnreadable(body.RootElement));
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void BadRequests_AreRefused_NamingEachProblem(string json, int status, string problem)
    {
        var (request, rejection) = Read(json);

        Assert.Null(request);
        Assert.NotNull(rejection);
        Assert.Equal(status, rejection.Status);
        Assert.Contains(rejection.Problems, text => text.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void TooManyRows_Get413()
    {
        var row = $$"""{"settlementPoint":"HB_NORTH","deliveryHour":"2024-07-02T18:00:00Z","features":{{Features()}}}""";

        var (_, rejection) = Read($$"""{"rows":[{{string.Join(",", Enumerable.Repeat(row, 5))}}]}""", maxRows: 4);

        Assert.Equal(413, rejection!.Status);
    }

    /// <summary>Two small real models on the synthetic features, served as one set.</summary>
    public sealed class TrainedModels : IDisposable
    {
        public TrainedModels()
        {
            var train = SyntheticDart.Create(800, 1, new(2024, 1, 1));
            var validation = SyntheticDart.Create(200, 2, new(2024, 3, 1));
            var loaded = new Dictionary<string, LoadedModel>();
            var reference = SyntheticDart.Features.Select((name, f) => (name, FeatureReference.Of(Enumerable.Range(0, train.Count).Select(i => train.Features[i * train.FeatureCount + f]))))
                .ToDictionary(pair => pair.name, pair => pair.Item2);
            foreach (var name in new[] { LightGbmDartModel.ModelName, Ercot.Models.XGBoost.XGBoostDartModel.ModelName })
            {
                var model = DartModels.Create(name);
                model.Train(train, validation, 1, CancellationToken.None);
                var metadata = new ModelMetadata(name, $"v-{name}", DateTimeOffset.UnixEpoch, model.FileName, "synthetic", SyntheticDart.Features,
                    new DateRange(new(2024, 1, 1), new(2024, 2, 1)), new DateRange(new(2024, 3, 1), new(2024, 3, 5)), new DateRange(new(2024, 3, 7), new(2024, 3, 9)),
                    model.Describe(), new Dictionary<string, double>(), new Dictionary<string, double>(), model.Libraries(), "test", 0, ModelRole.Champion, null, reference);
                loaded[name] = new LoadedModel(metadata, model);
            }
            Models = new LoadedModels(loaded, "test");
        }

        public LoadedModels Models { get; }

        public void Dispose() => Models.Dispose();
    }
}
