using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ercot.Models.Deep;

/// <summary>
/// Adam (Kingma &amp; Ba, with PyTorch's defaults: β = 0.9, 0.999, ε = 1e-8, no weight decay), written out so that
/// every scalar handed to libtorch is an object this class holds until the call has returned. TorchSharp's own
/// <c>optim.Adam</c> converts doubles to temporary scalars inside its step; twice in CI a step failed in libtorch
/// with "Unknown scalar type" in a division by such a temporary (a scalar freed while in use), once per ~10 runs.
/// </summary>
internal sealed class AdamOptimizer : IDisposable
{
    private const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;

    private readonly Parameter[] _parameters;
    private readonly Tensor[] _firstMoments;
    private readonly Tensor[] _secondMoments;
    private readonly double _learningRate;
    private int _steps;

    /// <summary>Create outside any dispose scope: the moments live as long as the optimizer.</summary>
    public AdamOptimizer(IEnumerable<Parameter> parameters, double learningRate)
    {
        _parameters = [.. parameters];
        _firstMoments = [.. _parameters.Select(parameter => zeros_like(parameter).DetachFromDisposeScope())];
        _secondMoments = [.. _parameters.Select(parameter => zeros_like(parameter).DetachFromDisposeScope())];
        _learningRate = learningRate;
    }

    public void Step()
    {
        _steps++;
        var biasCorrection1 = 1 - Math.Pow(Beta1, _steps);
        var biasCorrection2 = 1 - Math.Pow(Beta2, _steps);
        using var noGrad = no_grad();
        // Every scalar, including the 1 that TorchSharp's overloads would otherwise make up on the fly as a default.
        using Scalar one = 1.0, beta1 = Beta1, oneMinusBeta1 = 1 - Beta1, beta2 = Beta2, oneMinusBeta2 = 1 - Beta2, epsilon = Epsilon;
        using Scalar sqrtBiasCorrection2 = Math.Sqrt(biasCorrection2), stepSize = -_learningRate / biasCorrection1;
        for (var i = 0; i < _parameters.Length; i++)
        {
            if (_parameters[i].grad is not { } gradient)
            {
                continue;
            }
            _firstMoments[i].mul_(beta1).add_(gradient, alpha: oneMinusBeta1);
            _secondMoments[i].mul_(beta2).addcmul_(gradient, gradient, value: oneMinusBeta2);
            using var denominator = _secondMoments[i].sqrt().div_(sqrtBiasCorrection2).add_(epsilon, one);
            _parameters[i].addcdiv_(_firstMoments[i], denominator, value: stepSize);
        }
    }

    public void Dispose()
    {
        foreach (var moment in _firstMoments.Concat(_secondMoments))
        {
            moment.Dispose();
        }
    }
}
