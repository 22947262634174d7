using OmniGraph.Abstractions;
using OmniGraph.Testing.Hosting;
using Xunit;

namespace OmniGraph.Testing.Assertions;

/// <summary>Checks of a graph's physical consistency and history, made after the fact through a <see cref="GraphTestHost"/>.</summary>
public static class GraphAssertions
{
    /// <summary>
    /// No recovery sidecar in the store; the failure names each one with the manifest's view of it. The host's commit
    /// completions (which delete sidecars after the acknowledgement) are waited for first; a test whose other hosts
    /// wrote waits for theirs itself.
    /// </summary>
    public static async Task NoSidecarAsync(GraphTestHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        await host.Manifest.GetRecoveryStatusAsync();
        var sidecars = await host.SidecarsAsync();
        if (sidecars.Count > 0)
        {
            var status = await host.Manifest.GetRecoveryStatusAsync();
            Assert.Fail($"sidecars left: {string.Join(", ", sidecars)}; status: {string.Join("; ", status.Pending.Select(static p => $"{p.Key} {p.State} {p.Reason}"))}");
        }
    }

    /// <summary>
    /// Published == physical: every table head of the branch is the version its head manifest names (a table that never
    /// moved on the branch has no head and is at version 0 or inherited), and no sidecar is left.
    /// </summary>
    public static async Task ConsistentAsync(GraphTestHost host, string branch = BranchNames.Main)
    {
        await NoSidecarAsync(host);
        var snapshot = await host.HeadAsync(branch);
        foreach (var table in snapshot.Tables)
        {
            var head = await host.Client.GetTableProtocol(table.Table, branch).GetHeadAsync(refresh: true);
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

    /// <summary>The commits of a branch, oldest first; asserts one linear chain (version i+1 has parent commit i) of distinct commits.</summary>
    public static async Task<IReadOnlyList<CommitInfo>> LinearHistoryAsync(GraphTestHost host, string branch = BranchNames.Main)
    {
        ArgumentNullException.ThrowIfNull(host);
        var commits = (await host.Manifest.ListCommitsAsync(branch, int.MaxValue)).Reverse().ToArray();
        for (var i = 0; i < commits.Length; i++)
        {
            Assert.Equal(i + 1, commits[i].ManifestVersion);
            Assert.Equal(i == 0 ? null : commits[i - 1].Id, commits[i].ParentId);
        }

        Assert.Equal(commits.Length, commits.Select(static c => c.Id).Distinct(StringComparer.Ordinal).Count());
        return commits;
    }
}
