using Ercot.Core.Sources;
using Ercot.Tests.Infrastructure;

namespace Ercot.Tests.Core.Sources;

public sealed class DuckDbErcotStoreTests : ErcotStoreContract
{
    private readonly TemporaryFolder _folder = new();

    public DuckDbErcotStoreTests() => Store = new DuckDbErcotStore(Path.Combine(_folder.Path, "ercot.duckdb"));

    protected override IErcotStore Store { get; }

    public override Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
