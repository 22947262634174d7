using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Tables.Storage;
using OmniGraph.Testing.IO;

namespace OmniGraph.Grains.Tests.Cost;

/// <summary>
/// The flushes a small commit waits for in a row, counted by <see cref="FlushDepthObjectStore"/> on a local directory
/// store (docs/design/storage-engine.md §5): the staged objects together with the bytes of the sidecar, the commit
/// pointer and the manifest (1), the sidecar and the pointer published (2), the manifest published (3): the write is
/// acknowledged there. The table heads and the sidecar delete follow after the acknowledgement. (Before: 9 in a row, the
/// staged objects 2, the sidecar 2, each head 2, the manifest 2, the sidecar delete 1.) Round 2 stays: a sidecar flushed
/// together with the staged objects would no longer prove them durable (docs/design/storage-engine.md §5.2).
/// </summary>
public sealed class WriteDurabilityBudgetTests
{
    /// <summary>Flushes in a row before a small write is acknowledged.</summary>
    private const long AcknowledgementBudget = 3;

    public static TheoryData<string, TableWrite[]> SmallWrites() => new()
    {
        { "one-row insert", [TableWrite.FromBatches("node:Person", TableWriteMode.Insert, Rows.ManyPersons(5_000, 1))] },
        { "32-row upsert of existing rows", [TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.ManyPersons(100, 32, ageOffset: 3))] },
        {
            "two tables",
            [
                TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.ManyPersons(200, 4, ageOffset: 1)),
                TableWrite.FromBatches("node:Company", TableWriteMode.Upsert, Rows.Companies("Acme")),
            ]
        },
    };

    [Theory]
    [MemberData(nameof(SmallWrites))]
    public async Task SmallWrite_IsAcknowledgedAfterThreeFlushesInARow_HeadsAndSidecarDeleteFollowIt(string name, TableWrite[] tables)
    {
        using var directory = new TempDirectory();
        var store = new FlushDepthObjectStore(new LocalDirectoryObjectStore(directory.Path));
        await using var host = await GraphHost.InitAsync(store);
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.ManyPersons(0, 1_000)));
        await host.Manifest.GetRecoveryStatusAsync();
        store.Reset();

        var write = await host.Client.WriteAsync(new GraphWriteRequest(BranchNames.Main, [.. tables]));
        var atAcknowledgement = store.Log;

        // The manifest is linked, then its name flushed: that flush is the acknowledgement.
        var manifest = GraphObjectKeys.Manifest(write.Snapshot.BranchIncarnation, write.Commit.ManifestVersion);
        var published = atAcknowledgement.Where(e => e.Key == manifest).Max(static e => e.Depth);
        Assert.True(published <= AcknowledgementBudget, $"{name}: the publish waited on {published} flushes in a row: {Describe(atAcknowledgement)}");
        Assert.DoesNotContain(atAcknowledgement, e => e.Depth > published);

        // After the acknowledgement: every head (a put each, in table-key order), then the sidecar delete.
        await host.Manifest.GetRecoveryStatusAsync();
        var log = store.Log;
        var heads = log.Where(static e => e.Request == "put" && e.Key.StartsWith("state/head-tablebranch/", StringComparison.Ordinal)).ToArray();
        Assert.Equal(tables.Length, heads.Length);
        Assert.All(heads, h => Assert.True(h.Depth > published));
        Assert.True(store.DepthOf("delete", GraphObjectKeys.RecoveryPrefix) > heads.Max(static h => h.Depth), Describe(log));
    }

    private static string Describe(IEnumerable<(string Request, string Key, long Depth)> log) =>
        string.Join(", ", log.Select(static e => $"{e.Request} {e.Key} @{e.Depth}"));
}
