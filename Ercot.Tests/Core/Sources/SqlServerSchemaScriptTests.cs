using Ercot.Core.Schema;
using Ercot.Core.Sources;
using Ercot.Tests.Infrastructure;

namespace Ercot.Tests.Core.Sources;

public sealed class SqlServerSchemaScriptTests
{
    private static readonly string ScriptPath = Path.Combine(SharedData.RepositoryRoot, "db", "ercot-schema.sql");

    /// <summary>db/ercot-schema.sql is what DBAs run; it must be exactly the schema the code writes to.</summary>
    [Fact]
    public void DbScript_IsTheSchemaTheCodeUses()
    {
        var expected = new SqlServerDialect().SchemaScript(ErcotTables.All);
        if (Environment.GetEnvironmentVariable("ERCOT_WRITE_DB_SCRIPT") == "1")
        {
            File.WriteAllText(ScriptPath, expected);
        }

        Assert.True(File.Exists(ScriptPath), $"{ScriptPath} is missing; run the tests once with ERCOT_WRITE_DB_SCRIPT=1 to write it.");
        Assert.Equal(expected, File.ReadAllText(ScriptPath));
    }

    [Fact]
    public void DbScript_DeclaresEveryTable_WithItsNaturalKey_AndATimeIndex()
    {
        var script = File.ReadAllText(ScriptPath);

        foreach (var table in ErcotTables.All)
        {
            Assert.Contains($"CREATE TABLE [ERCOT].[{table.Name}]", script, StringComparison.Ordinal);
            Assert.Contains($"PRIMARY KEY CLUSTERED ({string.Join(", ", table.Key.Select(k => $"[{k}]"))})", script, StringComparison.Ordinal);
            Assert.Contains($"ON [ERCOT].[{table.Name}] ([IntervalStartUtc])", script, StringComparison.Ordinal);
        }
    }
}
