using System.CommandLine;
using Ercot.Core.Storage;
using Ercot.Models;
using Ercot.Models.Registry;

namespace Ercot.Cli.Commands;

/// <summary><c>ercot models list|promote|rollback</c>: the model registry for operators.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var artifacts = new Option<string>("--artifacts") { Description = $"Artifact folder holding models/ (default: {BuildFeaturesCommand.DefaultArtifacts}).", DefaultValueFactory = _ => BuildFeaturesCommand.DefaultArtifacts };

        var list = new Command("list", "Every version of every model, newest first: role, validation and test MAE, and the decision recorded for it.") { artifacts };
        list.SetAction((parse, cancellationToken) => ListAsync(Registry(parse.GetValue(artifacts)!), cancellationToken));

        var model = new Argument<string>("model") { Description = $"The model ({string.Join(", ", DartModels.Names)})." };
        var version = new Argument<string>("version") { Description = "The version to serve (see `ercot models list`)." };
        var promote = new Command("promote", "Make a version its model's champion: the operator's decision, recorded in models/history.jsonl before the pointer moves.") { model, version, artifacts };
        promote.SetAction((parse, cancellationToken) => ChangeAsync(
            registry => registry.PromoteAsync(parse.GetValue(model)!, parse.GetValue(version)!, $"promoted by {Environment.UserName} with the CLI", DateTimeOffset.UtcNow, cancellationToken),
            Registry(parse.GetValue(artifacts)!)));

        var rollback = new Command("rollback", "Restore the champion set that the last training run or promotion replaced.") { artifacts };
        rollback.SetAction((parse, cancellationToken) => ChangeAsync(registry => registry.RollbackAsync(DateTimeOffset.UtcNow, cancellationToken), Registry(parse.GetValue(artifacts)!)));

        return new Command("models", "The model registry: list versions, promote one, roll the champions back.") { list, promote, rollback };
    }

    private static ModelRegistry Registry(string artifactRoot) => new(new LocalArtifactStore(artifactRoot));

    private static async Task<int> ListAsync(ModelRegistry registry, CancellationToken cancellationToken)
    {
        var champions = await registry.ReadChampionsAsync(cancellationToken);
        var decisions = (await registry.HistoryAsync(cancellationToken)).SelectMany(entry => entry.Decisions).ToList();
        Console.WriteLine($"{"model",-9} {"version",-24} {"role",-10} {"val MAE",8} {"test MAE",8}  decision");
        foreach (var name in DartModels.Names)
        {
            foreach (var version in (await registry.VersionsAsync(name, cancellationToken)).Reverse())
            {
                if (await registry.ReadMetadataAsync(name, version, cancellationToken) is not { } metadata)
                {
                    continue;
                }
                var role = champions.Models.TryGetValue(name, out var entry) && entry.Version == version ? "champion" : "challenger";
                var reason = decisions.LastOrDefault(d => d.Model == name && d.Version == version)?.Reason ?? metadata.RoleReason ?? "";
                Console.WriteLine(FormattableString.Invariant(
                    $"{name,-9} {version,-24} {role,-10} {metadata.ValidationMetrics.GetValueOrDefault("mae", double.NaN),8:F3} {metadata.TestMetrics.GetValueOrDefault("mae", double.NaN),8:F3}  {reason}"));
            }
        }
        return ExitCodes.Success;
    }

    private static async Task<int> ChangeAsync(Func<ModelRegistry, Task<RegistryEvent>> change, ModelRegistry registry)
    {
        try
        {
            var entry = await change(registry);
            Console.WriteLine($"{entry.Action}: champions now {string.Join(", ", entry.After.Models.Select(pair => $"{pair.Key} {pair.Value.Version}"))} " +
                $"(were {string.Join(", ", entry.Before.Models.Select(pair => $"{pair.Key} {pair.Value.Version}"))}).");
            return ExitCodes.Success;
        }
        catch (RegistryException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.InputRejected;
        }
    }
}
