using Ercot.Models.Deep;
using TorchSharp;
using static TorchSharp.torch;

namespace Ercot.Tests.Training;

/// <summary>
/// The deep model's Adam: the same updates as TorchSharp's <c>optim.Adam</c>, and no scalar freed under it while the
/// garbage collector runs flat out (its first version failed that within seconds, on a default scalar made up inside
/// a TorchSharp overload).
/// </summary>
[Collection(CollectorStress.Name)]
public sealed class AdamOptimizerTests
{
    [Fact]
    public void ItsSteps_AreTorchSharpsAdamSteps()
    {
        var (ours, theirs) = (Network(), Network());
        using var reference = optim.Adam(theirs.parameters(), 0.01);
        using var optimizer = new AdamOptimizer(ours.parameters(), 0.01);

        for (var step = 0; step < 25; step++)
        {
            using var scope = NewDisposeScope();
            random.manual_seed(100 + step);
            var x = randn(32, 8);
            foreach (var (network, update) in new (nn.Module<Tensor, Tensor>, Action)[] { (ours, optimizer.Step), (theirs, () => reference.step()) })
            {
                network.zero_grad();
                network.forward(x).pow(2).mean().backward();
                update();
            }
        }

        foreach (var (mine, reference_) in ours.parameters().Zip(theirs.parameters()))
        {
            Assert.True(allclose(mine, reference_, rtol: 1e-5, atol: 1e-6), "the weights after 25 steps differ");
        }
    }

    [Fact]
    public async Task NoScalarIsFreedUnderAStep_WhileTheCollectorRunsFlatOut()
    {
        var network = Network();
        using var optimizer = new AdamOptimizer(network.parameters(), 0.01);
        using var stop = new CancellationTokenSource();
        // Young collections only: the scalars at risk are young, and a full collection would cost as much as the
        // heap the rest of the test run has left behind.
        var collector = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.Collect(0, GCCollectionMode.Forced, blocking: true);
                GC.WaitForPendingFinalizers();
            }
        });
        var deadline = DateTime.UtcNow.AddSeconds(15);
        try
        {
            for (var step = 0; step < 10_000 && DateTime.UtcNow < deadline; step++)
            {
                using var scope = NewDisposeScope();
                network.zero_grad();
                network.forward(randn(64, 8)).pow(2).mean().backward();
                optimizer.Step();
            }
        }
        finally
        {
            await stop.CancelAsync();
            await collector;
        }
    }

    private static nn.Module<Tensor, Tensor> Network()
    {
        random.manual_seed(7);
        return nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 1));
    }
}

/// <summary>
/// Tests that run the garbage collector flat out run alone, after the others: a collection stops every thread of
/// the test process, so they would slow every test running beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CollectorStress
{
    public const string Name = "Garbage collector flat out";
}
