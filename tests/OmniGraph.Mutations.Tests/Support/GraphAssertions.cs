using OmniGraph.Engine;

namespace OmniGraph.Mutations.Tests.Support;

/// <summary>Checks of a graph's physical consistency and history.</summary>
internal static class GraphAssertions
{
    /// <summary>The recovery sidecars in the store.</summary>
    public static async Task<IReadOnlyList<string>> SidecarsAsync(MutationHost host)
    {
        var page = await host.Store.ListAsync("recovery/");
        return [.. page.Objects.Select(static o => o.Key)];
    }

    /// <summary>Published == physical: every table head of the branch is the version its head manifest names, and no sidecar is left.</summary>
    public static async Task ConsistentAsync(MutationHost host, string branch = BranchNames.Main)
    {
        Assert.Empty(await SidecarsAsync(host));
        var snapshot = await host.HeadAsync(branch);
        foreach (var table in snapshot.Tables)
        {
            var head = await host.Client.GetTable(table.Table, branch).GetHeadAsync(refresh: true);
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

    /// <summary>The commits of a branch, oldest first; asserts one linear chain (version i+1 has parent commit i).</summary>
    public static async Task<IReadOnlyList<CommitInfo>> LinearHistoryAsync(MutationHost host, string branch = BranchNames.Main)
    {
        var commits = (await host.Client.Manifest.ListCommitsAsync(branch, int.MaxValue)).Reverse().ToArray();
        for (var i = 0; i < commits.Length; i++)
        {
            Assert.Equal(i + 1, commits[i].ManifestVersion);
            Assert.Equal(i == 0 ? null : commits[i - 1].Id, commits[i].ParentId);
        }

        Assert.Equal(commits.Length, commits.Select(static c => c.Id).Distinct(StringComparer.Ordinal).Count());
        return commits;
    }
}
