using System.Text;
using System.Text.Json.Nodes;
using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Recovery;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Tables.Storage;

namespace OmniGraph.Grains.Tests.Integrity;

/// <summary>
/// Issue 10, defect 2: a row count a manifest reports is checked against the table version it describes before it is
/// shown or carried into a new version. (On the memory store: the local store's checksum would catch the edit first.)
/// </summary>
public sealed class FigureTests
{
    [Fact]
    public async Task ManifestRowCountThatDisagreesWithItsTableVersion_IsNeitherReportedNorCarriedForward()
    {
        var store = new MemoryObjectStore();
        string key;
        await using (var host = await GraphHost.InitAsync(store))
        {
            await CrashScenario.BaselineAsync(host);
            key = GraphObjectKeys.Manifest((await host.HeadAsync()).BranchIncarnation, 2);
        }

        var manifest = JsonNode.Parse((await store.GetAsync(key)).Content.Span)!;
        var person = manifest["tables"]!.AsArray().Single(static t => (string)t!["table"]! == "node:Person")!;
        person["rows"] = 3;
        await store.PutAsync(key, Encoding.UTF8.GetBytes(manifest.ToJsonString()), WriteCondition.None);

        await using var fresh = await GraphHost.StartAsync(store);
        var snapshot = await Assert.ThrowsAsync<CorruptObjectException>(() => fresh.Client.GetSnapshotAsync());
        Assert.Contains("has 2 rows but the reference says 3", snapshot.Message);

        // A write that does not touch Person would copy the figure: refused, nothing published.
        await Assert.ThrowsAsync<CorruptObjectException>(() => fresh.WriteAsync(TableWrite.FromBatches("node:Company", TableWriteMode.Upsert, Rows.Companies("Acme"))));
        Assert.Null(await store.GetPropertiesAsync(key[..^"2.json".Length] + "3.json"));
    }

    /// <summary>Issue 10, defect 8: a zeroed manifest header is corruption of that file, not an unavailable store.</summary>
    [Fact]
    public async Task ZeroedManifestHeader_IsCorruptObject()
    {
        using var directory = new OmniGraph.Testing.IO.TempDirectory();
        var lost = await ChainGapTests.WriteThreeVersionsAsync(directory.Path, graceful: true);
        var path = OmniGraph.Testing.IO.StoreFiles.PathOf(directory.Path, lost);
        var bytes = File.ReadAllBytes(path);
        Array.Clear(bytes, 0, 64);
        File.WriteAllBytes(path, bytes);

        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        var error = await Assert.ThrowsAnyAsync<OmniGraphException>(() => fresh.HeadAsync());
        Assert.Equal("corrupt_object", error.Code);
        Assert.Contains(lost, error.Message);
    }
}
