using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ercot.Models.Deep;

/// <summary>
/// An MLP over the standardized features, with learned embeddings for the settlement point and the
/// hour ending concatenated to its input.
/// </summary>
internal sealed class DartNetwork : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    private readonly Embedding _points;
    private readonly Embedding _hours;
    private readonly Sequential _body;

    public DartNetwork(int features, int points, int hidden, double dropout) : base(nameof(DartNetwork))
    {
        _points = nn.Embedding(points, 8);
        _hours = nn.Embedding(25, 6);
        _body = nn.Sequential(
            nn.Linear(features + 8 + 6, hidden), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden, hidden / 2), nn.ReLU(),
            nn.Linear(hidden / 2, 1));
        RegisterComponents();
    }

    public override Tensor forward(Tensor features, Tensor point, Tensor hour) =>
        _body.forward(cat([features, _points.forward(point), _hours.forward(hour)], 1)).squeeze(1);
}
