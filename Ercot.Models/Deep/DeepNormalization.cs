namespace Ercot.Models.Deep;

/// <summary>What the deep model learned about its inputs' scale, saved beside its weights.</summary>
public sealed record DeepNormalization(
    IReadOnlyList<string> Features, double[] Means, double[] Deviations, double TargetMean, double TargetScale, List<string> Points, int HourFeature)
{
    public static DeepNormalization Fit(DartDataset train)
    {
        var means = new double[train.FeatureCount];
        var deviations = new double[train.FeatureCount];
        for (var f = 0; f < train.FeatureCount; f++)
        {
            var values = Enumerable.Range(0, train.Count).Select(i => (double)train.Features[i * train.FeatureCount + f]).Where(double.IsFinite).ToArray();
            means[f] = values.Length > 0 ? values.Average() : 0;
            var deviation = values.Length > 1 ? Math.Sqrt(values.Sum(v => (v - means[f]) * (v - means[f])) / (values.Length - 1)) : 0;
            deviations[f] = deviation > 1e-9 ? deviation : 1;
        }
        var targetMean = train.Target.Average(y => (double)y);
        var targetScale = Math.Sqrt(train.Target.Sum(y => (y - targetMean) * (y - targetMean)) / Math.Max(1, train.Count - 1));
        return new DeepNormalization(train.FeatureNames, means, deviations, targetMean, targetScale > 1e-9 ? targetScale : 1,
            [.. train.Points.Distinct().Order(StringComparer.Ordinal)], train.FeatureNames.ToList().IndexOf("cal_hour_ending"));
    }
}
