using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Grains.Tests.Maintenance;

/// <summary>
/// A property over random histories (seeded): loads of people and friendships, deletions, branches written and merged
/// into main (conflicts allowed), then optimize on every branch and cleanup with a random retention. Every commit still
/// listed afterwards reads exactly the rows (ids, values, edge ids and endpoints) it read before; every other commit is
/// <c>history_reclaimed</c>; the graph examines healthy with nothing unreferenced, and takes writes.
/// </summary>
public sealed class CleanupHistoryPropertyTests
{
    private static readonly string[] s_people = ["Ann", "Ben", "Cat", "Dov", "Eli", "Fay", "Gus", "Hal", "Ida", "Jon"];

    [Theory]
    [InlineData(11)]
    [InlineData(23)]
    [InlineData(37)]
    public async Task EveryRetainedCommit_ReadsTheSame_AfterOptimizeAndCleanup(int seed)
    {
        var random = new Random(seed);
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        var edge = 0;
        string? open = null;
        for (var step = 0; step < 24; step++)
        {
            var branch = open is not null && random.Next(2) == 0 ? open : BranchNames.Main;
            switch (random.Next(6))
            {
                case 0 when open is null:
                    open = $"b{step}";
                    await host.Client.CreateBranchAsync(open);
                    break;
                case 1 when open is not null:
                    try
                    {
                        await host.Client.MergeBranchAsync(new BranchMergeRequest(open) { DeleteBranch = random.Next(2) == 0 });
                    }
                    catch (OmniGraphException conflict) when (conflict.Code == ErrorCodes.MergeConflicts)
                    {
                        // A conflicted merge writes nothing: the history goes on without it.
                    }

                    if (!(await host.Client.ListBranchesAsync()).Any(b => b.Name == open))
                    {
                        open = null;
                    }

                    break;
                case 2:
                    await host.Client.WriteAsync(new GraphWriteRequest(branch, [TableWrite.Delete("edge:Knows", KeyBatch.Of($"k{random.Next(Math.Max(edge, 1))}"))]));
                    break;
                default:
                    var people = Enumerable.Range(0, random.Next(1, 4)).Select(_ => s_people[random.Next(s_people.Length)]).Distinct().ToArray();
                    var rows = people.Select(p => (p, (int?)random.Next(18, 90), (string?)null)).ToArray();
                    var from = people[0];
                    var to = people[^1];
                    await host.Client.WriteAsync(new GraphWriteRequest(branch, [
                        TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(rows)),
                        TableWrite.FromBatches("edge:Knows", TableWriteMode.Upsert, Rows.Edges("edge:Knows", ($"k{edge++}", from, to)))]));
                    break;
            }
        }

        var before = await ReadEveryCommitAsync(host);
        foreach (var branch in await host.Client.ListBranchesAsync())
        {
            await host.Client.OptimizeAsync(branch.Name);
        }

        var afterOptimize = await ReadEveryCommitAsync(host);
        foreach (var (commit, rows) in before)
        {
            Assert.Equal(rows, afterOptimize[commit]);
        }

        var keep = random.Next(0, 5);
        var cleaned = await host.Client.CleanupAsync(new CleanupRequest(keep, 0, Confirm: true));
        var after = await ReadEveryCommitAsync(host);
        Assert.Equal(afterOptimize.Count - cleaned.Manifests, after.Count);
        foreach (var (commit, rows) in afterOptimize)
        {
            if (after.TryGetValue(commit, out var retained))
            {
                Assert.Equal(rows, retained);
            }
            else
            {
                await ErrorAssert.ThrowsAsync(ErrorCodes.HistoryReclaimed, () => host.Manifest.ResolveSnapshotAsync(SnapshotTarget.AtCommit(commit)));
            }
        }

        var examination = await host.Manifest.ExamineAsync();
        Assert.True(examination.IsHealthy);
        Assert.Empty(examination.UnreferencedObjects);
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Zed")));
        Assert.Contains("Zed", await host.IdsAsync("node:Person"));
    }

    /// <summary>Every commit listed on every live branch, with every row of every table it reads.</summary>
    private static async Task<Dictionary<string, string>> ReadEveryCommitAsync(GraphHost host)
    {
        var commits = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var branch in await host.Client.ListBranchesAsync())
        {
            foreach (var commit in await host.Manifest.ListCommitsAsync(branch.Name, int.MaxValue))
            {
                if (commits.ContainsKey(commit.Id))
                {
                    continue;
                }

                var snapshot = await host.Manifest.ResolveSnapshotAsync(SnapshotTarget.AtCommit(commit.Id));
                var lines = new List<string>();
                foreach (var table in snapshot.Tables)
                {
                    foreach (var row in await host.RowsAsync(table.Table, snapshot))
                    {
                        var cells = string.Join(" ", row.Cells.OrderBy(static c => c.Key, StringComparer.Ordinal).Select(static c => $"{c.Key}={c.Value ?? "null"}"));
                        lines.Add($"{table.Table} {row.Id} {row.Source}->{row.Target} {cells}");
                    }
                }

                lines.Sort(StringComparer.Ordinal);
                commits[commit.Id] = string.Join("\n", lines);
            }
        }

        return commits;
    }
}
