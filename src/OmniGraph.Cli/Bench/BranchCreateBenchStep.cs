using System.Diagnostics;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Bench;

/// <summary>
/// <c>branch_create_p50_ms</c> (our own key): 20 branches created at main's head, after 5 warm-up creates, each a
/// registry entry only (no data copied, so flat in the graph's size); each must start at main's head commit. The
/// branches are deleted afterwards, untimed.
/// </summary>
internal sealed class BranchCreateBenchStep : IBenchStep
{
    private const int Rounds = 20;
    private const int Warmup = 5;

    public string Name => "branch create";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var head = (await context.Graph.ResolveSnapshotAsync(SnapshotTarget.Head(), cancellationToken)).Commit.Id;
        var latencies = new List<double>(Rounds);
        var names = new List<string>(Warmup + Rounds);
        for (var i = 0; i < Warmup + Rounds; i++)
        {
            var name = $"bench/create-{i}";
            var start = Stopwatch.GetTimestamp();
            var branch = await context.Graph.CreateBranchAsync(name, cancellationToken: cancellationToken);
            if (i >= Warmup)
            {
                latencies.Add(BenchContext.ElapsedMilliseconds(start));
            }

            names.Add(name);
            if (!string.Equals(branch.ForkedFrom?.CommitId, head, StringComparison.Ordinal))
            {
                throw CliErrors.BenchData($"branch {name} starts at {branch.ForkedFrom?.CommitId}, not at main's head {head}");
            }
        }

        foreach (var name in names)
        {
            await context.Graph.DeleteBranchAsync(name, cancellationToken);
        }

        context.Results["branch_create_p50_ms"] = BenchContext.Median(latencies);
    }
}
