using System.Text.Json.Nodes;
using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Tables.Storage;

namespace OmniGraph.Grains.Tests.Storage;

/// <summary>
/// Table versions stored as a delta over their parent (format 2) in a running graph: which versions are written in full,
/// that every version reads the same from a cold grain, and that cleanup keeps the earlier version objects a kept delta
/// stands on (and examine finds them referenced).
/// </summary>
public sealed class DeltaTableVersionTests
{
    [Fact]
    public async Task EveryCheckpointIntervalTh_VersionOfAChain_IsStoredInFull_AndEachReadsTheSameCold()
    {
        var store = new MemoryObjectStore();
        await using var host = await GraphHost.InitAsync(store);
        var interval = StorageFormat.TableVersionCheckpointInterval;
        var snapshots = new List<GraphSnapshot>();
        for (var i = 0; i < interval + 2; i++)
        {
            snapshots.Add((await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons($"p{i:D2}")))).Snapshot);
        }

        for (var i = 0; i < snapshots.Count; i++)
        {
            var version = snapshots[i].GetTable("node:Person");
            var document = JsonNode.Parse((await store.GetAsync(version.Key!)).Content.Span)!;

            // Version 1 (over the empty version 0) and every interval-th after it are full; the rest count their depth.
            var depth = (int)((version.Version - 1) % interval);
            Assert.Equal(depth == 0 ? 1 : StorageFormat.TableVersionDeltaFormat, (int)document["format"]!);
            if (depth > 0)
            {
                Assert.Equal(depth, (int)document["depth"]!);
                Assert.Single(document["added"]!.AsArray());
            }
        }

        // Each version, resolved by a fresh grain from its objects alone, holds the rows written up to it.
        for (var i = 0; i < snapshots.Count; i += 7)
        {
            await host.Cluster.DeactivateAsync(host.Table("node:Person"));
            Assert.Equal(Enumerable.Range(0, i + 1).Select(static n => $"p{n:D2}"), await host.ColumnAsync("node:Person", "id", snapshots[i]));
        }
    }

    [Fact]
    public async Task Cleanup_KeepsTheVersionObjectsAKeptDeltaStandsOn()
    {
        var store = new MemoryObjectStore();
        await using var host = await GraphHost.InitAsync(store);
        var first = (await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("a", "b")))).Snapshot;
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("c")));
        await host.WriteAsync(TableWrite.Delete("node:Person", KeyBatch.Of("a")));
        var head = (await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("b", "d")))).Snapshot;
        var links = await LinksAsync(store, head.GetTable("node:Person"));
        Assert.Equal(3, links.Count);
        Assert.Contains(first.GetTable("node:Person").Key!, links);

        var cleaned = await host.Client.CleanupAsync(new CleanupRequest(1, 0, Confirm: true));
        Assert.True(cleaned.Manifests > 0);
        foreach (var link in links)
        {
            Assert.NotNull(await store.GetPropertiesAsync(link));
        }

        await host.Cluster.DeactivateAsync(host.Table("node:Person"));
        Assert.Equal(["c", "b", "d"], await host.ColumnAsync("node:Person", "id"));
        var examination = await host.Manifest.ExamineAsync();
        Assert.True(examination.IsHealthy);
        Assert.Empty(examination.UnreferencedObjects);

        // The chain goes on over the kept links, and a second cleanup still keeps what the new head stands on.
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("e")));
        await host.Client.CleanupAsync(new CleanupRequest(1, 0, Confirm: true));
        await host.Cluster.DeactivateAsync(host.Table("node:Person"));
        Assert.Equal(["c", "b", "d", "e"], await host.ColumnAsync("node:Person", "id"));
        Assert.Empty((await host.Manifest.ExamineAsync()).UnreferencedObjects);
    }

    /// <summary>The earlier version objects a stored version is resolved through, nearest first.</summary>
    private static async Task<List<string>> LinksAsync(IObjectStore store, TableVersionRef version)
    {
        var links = new List<string>();
        var key = version.Key!;
        while (true)
        {
            var document = JsonNode.Parse((await store.GetAsync(key)).Content.Span)!;
            if ((int)document["format"]! == 1)
            {
                return links;
            }

            key = (string)document["parent"]!["key"]!;
            links.Add(key);
        }
    }
}
