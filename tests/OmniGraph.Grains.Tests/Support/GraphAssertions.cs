using OmniGraph.Engine;
using OmniGraph.Grains.Storage;

namespace OmniGraph.Grains.Tests.Support;

/// <summary>Checks of a graph's physical consistency.</summary>
internal static class GraphAssertions
{
    /// <summary>No recovery sidecar in the store.</summary>
    public static async Task NoSidecarAsync(GraphHost host)
    {
        var page = await host.Store.ListAsync(GraphObjectKeys.RecoveryPrefix);
        if (page.Objects.Count > 0)
        {
            var status = await host.Manifest.GetRecoveryStatusAsync();
            Assert.Fail($"sidecars left: {string.Join(", ", page.Objects.Select(static o => o.Key))}; status: {string.Join("; ", status.Pending.Select(static p => $"{p.Key} {p.State} {p.Reason}"))}");
        }
    }

    /// <summary>The recovery sidecars in the store.</summary>
    public static async Task<IReadOnlyList<string>> SidecarsAsync(GraphHost host)
    {
        var page = await host.Store.ListAsync(GraphObjectKeys.RecoveryPrefix);
        return [.. page.Objects.Select(static o => o.Key)];
    }

    /// <summary>
    /// Published == physical: every table head of the branch is the version its head manifest names (a table that never
    /// moved on the branch has no head and is at version 0 or inherited), and no sidecar is left.
    /// </summary>
    public static async Task ConsistentAsync(GraphHost host, string branch = BranchNames.Main)
    {
        await NoSidecarAsync(host);
        var snapshot = await host.HeadAsync(branch);
        foreach (var table in snapshot.Tables)
        {
            var head = await host.Table(table.Table, branch).GetHeadAsync(refresh: true);
            if (head is null)
            {
                Assert.True(table.Version == 0 || table.ChainIncarnation != snapshot.BranchIncarnation, $"{table.Table} has no head but is published at {table}");
            }
            else
            {
                Assert.True(table.SameVersionAs(head), $"{table.Table}: published {table}, physical head {head}");
            }
        }
    }

    /// <summary>The commits of a branch, oldest first, with linear parents.</summary>
    public static async Task<IReadOnlyList<CommitInfo>> LinearHistoryAsync(GraphHost host, string branch = BranchNames.Main)
    {
        var commits = (await host.Manifest.ListCommitsAsync(branch, int.MaxValue)).Reverse().ToArray();
        for (var i = 0; i < commits.Length; i++)
        {
            Assert.Equal(i + 1, commits[i].ManifestVersion);
            Assert.Equal(i == 0 ? null : commits[i - 1].Id, commits[i].ParentId);
        }

        return commits;
    }
}
