using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Azure;
using Xunit.Abstractions;

namespace OmniGraph.Grains.Tests.Azure;

/// <summary>
/// What a commit and a warm read cost on the blob store (Azurite), request by request and kind by kind: counted by
/// <see cref="CountingObjectStore"/> around the store and checked against the HTTP requests the blob client really sent
/// (the <see cref="BlobFaultInjector"/>'s record, no fault injected). Exact counts, so a change that adds a round trip to
/// a commit or a read fails here. The benchmark (<c>azure-check</c>) reports the same figures at scale M.
/// </summary>
public sealed class BlobRequestCostTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task OneRowWrite_CostsAFixedSetOfRequests_EachOneHttpRequest()
    {
        await using var graph = await CountedGraphAsync();
        var cost = await graph.CostAsync(() => graph.Host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Zoe"))));
        output.WriteLine($"one-row write: {cost}");

        Assert.Equal(ExpectedOneRowCommit, cost);
    }

    [Fact]
    public async Task UpsertOf32ExistingRows_AddsOnlyTheDeletionVector()
    {
        await using var graph = await CountedGraphAsync();
        await graph.Host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.ManyPersons(0, 1_000)));
        var cost = await graph.CostAsync(() => graph.Host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.ManyPersons(100, 32, ageOffset: 1))));
        output.WriteLine($"32-row upsert: {cost}");

        Assert.Equal(ExpectedUpsertCommit, cost);
    }

    [Fact]
    public async Task WarmLookup_IsOneSnapshotProbe()
    {
        await using var graph = await CountedGraphAsync();
        await graph.Host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.ManyPersons(0, 1_000)));
        await LookupAsync(graph.Host);
        var cost = await graph.CostAsync(() => LookupAsync(graph.Host));
        output.WriteLine($"warm lookup: {cost}");

        Assert.Equal(new ObjectStoreRequestCounts(0, 0, PropertyReads: 1, 0, 0, 0, 0, 0, 0, 0), cost);
    }

    /// <summary>
    /// A one-table commit of new rows: six conditional puts (create-if-absent: the fragment, the table version, the
    /// recovery sidecar, the commit record, the manifest; compare-and-swap: the table's head record), three prepared puts
    /// and three flushes (free on the blob store: a blob is durable once its put is answered), three probes of the head (the
    /// next manifest version: at the write's start, at its commit, at the publish) and two listings of the recovery
    /// sidecars (the heal check at the write's start and at its commit), and the sidecar's delete.
    /// </summary>
    private static ObjectStoreRequestCounts ExpectedOneRowCommit =>
        new(Gets: 0, RangeGets: 0, PropertyReads: 3, Puts: 0, Deletes: 1, Lists: 2, 0, 0, 0, 0, Flushes: 3, PreparedPuts: 3, ConditionalPuts: 6);

    /// <summary>The same as a one-row commit, plus the deletion vector of the 32 replaced rows (a seventh create-if-absent).</summary>
    private static ObjectStoreRequestCounts ExpectedUpsertCommit => ExpectedOneRowCommit with { ConditionalPuts = 7 };

    /// <summary>A warm keyed lookup as a query runs it: the head snapshot (its probe), then the key looked up in the table.</summary>
    private static async Task LookupAsync(GraphHost host)
    {
        var head = await host.HeadAsync();
        var person = head.GetTable("node:Person");
        var found = await host.Table("node:Person").LookupAsync(person, KeyBatch.Of("p0000003"), ["age"]);
        Assert.Single(found.InputPositions.ToArray());
    }

    private async Task<CountedGraph> CountedGraphAsync()
    {
        var http = new BlobFaultInjector();
        var counting = new CountingObjectStore(azurite.CreateStore(options => options.ConfigureClientOptions = http.InstallInto));
        var host = await GraphHost.InitAsync(counting);
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice")));
        return new CountedGraph(host, counting, http);
    }

    private sealed record CountedGraph(GraphHost Host, CountingObjectStore Counting, BlobFaultInjector Http) : IAsyncDisposable
    {
        /// <summary>
        /// The requests <paramref name="operation"/> makes, with what follows a commit's acknowledgement (the last head
        /// moves, the sidecar deleted): each one checked against the HTTP requests sent for it.
        /// </summary>
        public async Task<ObjectStoreRequestCounts> CostAsync(Func<Task> operation)
        {
            await Host.Manifest.GetRecoveryStatusAsync();
            Counting.Reset();
            Http.ClearAttempts();
            await operation();
            await Host.Manifest.GetRecoveryStatusAsync();
            var counts = Counting.Snapshot();
            AssertSentAsCounted(counts, Http.Attempts);
            return counts;
        }

        public ValueTask DisposeAsync() => Host.DisposeAsync();

        /// <summary>
        /// Every counted request is one HTTP request of the matching kind (a flush and the durable half of a prepared put
        /// cost the blob store nothing: a blob is durable when its put is answered).
        /// </summary>
        private static void AssertSentAsCounted(ObjectStoreRequestCounts counts, IReadOnlyList<BlobAttempt> attempts)
        {
            var sent = attempts.Select(static a => a.Request).ToArray();
            var described = $"counted {counts}; sent {string.Join(", ", sent.Select(static r => $"{r.Operation} {r.BlobName} {r.IfMatch}{r.IfNoneMatch}"))}";
            Assert.True(counts.Total - counts.Flushes - counts.PreparedPuts == sent.Length, described);
            Assert.True(counts.Reads == sent.Count(static r => r.Operation == BlobOperation.Get), described);
            Assert.True(counts.PropertyReads == sent.Count(static r => r.Operation == BlobOperation.GetProperties), described);
            Assert.True(counts.Puts == sent.Count(static r => r.Operation == BlobOperation.Put && r.IfMatch is null && r.IfNoneMatch is null), described);
            Assert.True(counts.ConditionalPuts == sent.Count(static r => r.Operation == BlobOperation.Put && (r.IfMatch is not null || r.IfNoneMatch is not null)), described);
            Assert.True(counts.Deletes == sent.Count(static r => r.Operation == BlobOperation.Delete && r.IfMatch is null), described);
            Assert.True(counts.ConditionalDeletes == sent.Count(static r => r.Operation == BlobOperation.Delete && r.IfMatch is not null), described);
            Assert.True(counts.Lists == sent.Count(static r => r.Operation == BlobOperation.List), described);
            Assert.True(counts.LeaseOperations == sent.Count(static r => r.Operation == BlobOperation.Lease), described);
            Assert.True(0 == sent.Count(static r => r.Operation is BlobOperation.Other or BlobOperation.CreateContainer), described);
        }
    }
}
