using OmniGraph.Arrow;
using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.Hosting;

namespace OmniGraph.Grains.Tests.Tables;

/// <summary>The read API of a table grain at a pinned version: scans, pages, key lookups, unique probes, expansion, degrees.</summary>
public abstract class TableReadTests(ClusterShape shape) : ClusterShapedTests(shape), IAsyncLifetime
{
    private GraphHost _host = null!;
    private GraphSnapshot _snapshot = null!;

    public async Task InitializeAsync()
    {
        // Small fragments, so reads cross fragment boundaries and deletion masks.
        _host = await GraphHost.InitAsync(new MemoryObjectStore(), configure: o => o.MaxFragmentRows = 3);
        await _host.WriteAsync(
            TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(("Alice", 30, "a@x"), ("Bob", 25, null), ("Carol", 41, "c@x"), ("Dan", 19, null), ("Eve", 33, "e@x"))),
            TableWrite.FromBatches("edge:Knows", TableWriteMode.Upsert, Rows.Edges("edge:Knows", ("k1", "Alice", "Bob"), ("k2", "Alice", "Carol"), ("k3", "Bob", "Carol"), ("k4", "Carol", "Alice"))));
        var second = await _host.WriteAsync(
            new TableWrite("node:Person", TableWriteMode.Upsert, [], [Rows.Persons(("Bob", 26, "b@x"))], KeyBatch.Of("Dan")),
            TableWrite.FromBatches("edge:Knows", TableWriteMode.Upsert, Rows.Edges("edge:Knows", ("k1", "Alice", "Eve"), ("k5", "Eve", "Alice"))));
        _snapshot = second.Snapshot;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private TableVersionRef Person => _snapshot.GetTable("node:Person");

    private TableVersionRef Knows => _snapshot.GetTable("edge:Knows");

    [Fact]
    public async Task Scan_ReturnsLiveRowsInStorageOrder_Projected()
    {
        var scan = await _host.Table("node:Person").ScanAsync(Person, ["id", "age"]);
        Assert.Equal(4, scan.RowCount);
        Assert.Equal(["Alice", "Carol", "Eve", "Bob"], Rows.Strings(scan.Batches, "id"));
        Assert.All(scan.Batches, static b => Assert.Equal(["id", "age"], b.Schema.Fields.Select(static f => f.Name)));
        var info = await _host.Table("node:Person").GetVersionInfoAsync(Person);
        Assert.Equal(3, info.FragmentCount);
        Assert.Equal(2, info.DeletedRowCount);
    }

    [Fact]
    public async Task Scan_OfAnUnknownColumn_IsATypedError()
    {
        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidRequest, () => _host.Table("node:Person").ScanAsync(Person, ["nope"]));
        Assert.Equal("invalid_request", error.Code);
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidRequest, () => _host.Table("node:Person").ScanAsync(Person, ["id", "id"]));
    }

    [Fact]
    public async Task ReadRows_PagesThroughEveryLiveRow_ThenEnds()
    {
        var ids = new List<string?>();
        RowAddress? next = null;
        var pages = 0;
        do
        {
            var page = await _host.Table("node:Person").ReadRowsAsync(Person, next, 3, ["id"]);
            Assert.InRange(page.Rows.Length, 1, 3);
            ids.AddRange(Rows.Strings([page.Rows], "id"));
            next = page.Next;
            pages++;
        }
        while (next is not null);

        Assert.Equal(["Alice", "Carol", "Eve", "Bob"], ids);
        Assert.Equal(2, pages);
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidRequest, () => _host.Table("node:Person").ReadRowsAsync(Person, null, 0, []));
    }

    [Fact]
    public async Task LookupAndContains_AnswerPerInputPosition()
    {
        var keys = KeyBatch.Of("Eve", "Dan", "Nobody", "Alice", "Bob");
        var found = await _host.Table("node:Person").ContainsKeysAsync(Person, keys);
        Assert.Equal(new[] { true, false, false, true, true }, found);
        var lookup = await _host.Table("node:Person").LookupAsync(Person, keys, ["id", "age"]);
        Assert.Equal([0, 3, 4], lookup.InputPositions.ToArray());
        Assert.Equal(["Eve", "Alice", "Bob"], Rows.Strings([lookup.Rows], "id"));
        Assert.Equal([33, 30, 26], ((PrimitiveColumn<int>)lookup.Rows.Column("age")).Values.ToArray());
    }

    [Fact]
    public async Task UniqueProbe_FindsTheHolderOfEachValue_NullsExempt()
    {
        var emails = new Utf8ColumnBuilder();
        emails.Append("b@x");
        emails.Append("zzz");
        emails.AppendNull();
        emails.Append("c@x");
        var schema = new ArrowSchema([new ArrowField("email", ArrowType.Utf8, isNullable: true)]);
        var result = await _host.Table("node:Person").ProbeUniqueAsync(Person, 0, new RecordBatch(schema, [emails.Build()]));
        Assert.Equal(new string?[] { "Bob", null, null, "Carol" }, result.Holders.AsEnumerable());
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidRequest, () => _host.Table("node:Person").ProbeUniqueAsync(Person, 3, new RecordBatch(schema, [emails.Build()])));
    }

    /// <summary>
    /// A fresh activation whose first reads are degree counts holds only the endpoint columns of the edge table; a later
    /// read that needs the edge ids (an expansion, a scan) brings in every column, with the same answers.
    /// </summary>
    [Fact]
    public async Task ReadsAfterAnEndpointOnlyRead_BringInTheOtherColumns()
    {
        await _host.Cluster.DeactivateAsync(_host.Table("edge:Knows"));
        var degrees = await _host.Table("edge:Knows").CountOutgoingAsync(Knows, KeyBatch.Of("Alice", "Bob", "Dan", "Eve"));
        Assert.Equal(new[] { 2L, 1L, 0L, 1L }, degrees);

        var outgoing = await _host.Table("edge:Knows").ExpandAsync(Knows, EdgeDirection.Outgoing, KeyBatch.Of("Alice", "Dan", "Eve"));
        Assert.Equal(["k2", "k1", "k5"], Enumerable.Range(0, outgoing.Count).Select(i => outgoing.EdgeIds.GetString(i)));
        var scan = await _host.Table("edge:Knows").ScanAsync(Knows, ["id", "src", "dst"]);
        Assert.Equal(["k2", "k3", "k4", "k1", "k5"], Rows.Strings(scan.Batches, "id"));
        Assert.Equal(["Carol", "Carol", "Alice", "Eve", "Alice"], Rows.Strings(scan.Batches, "dst"));
    }

    [Fact]
    public async Task Expand_FollowsLiveEdgesBothWays_PerInput_InStorageOrder()
    {
        var outgoing = await _host.Table("edge:Knows").ExpandAsync(Knows, EdgeDirection.Outgoing, KeyBatch.Of("Alice", "Dan", "Eve"));
        Assert.Equal([0, 0, 2], outgoing.InputPositions.ToArray());
        Assert.Equal(["k2", "k1", "k5"], Enumerable.Range(0, outgoing.Count).Select(i => outgoing.EdgeIds.GetString(i)));
        Assert.Equal(["Carol", "Eve", "Alice"], Enumerable.Range(0, outgoing.Count).Select(i => outgoing.NeighbourIds.GetString(i)));

        var incoming = await _host.Table("edge:Knows").ExpandAsync(Knows, EdgeDirection.Incoming, KeyBatch.Of("Alice", "Bob"));
        Assert.Equal(["Carol", "Eve"], Enumerable.Range(0, incoming.Count).Select(i => incoming.NeighbourIds.GetString(i)));
        Assert.Equal([0, 0], incoming.InputPositions.ToArray());

        var degrees = await _host.Table("edge:Knows").CountOutgoingAsync(Knows, KeyBatch.Of("Alice", "Bob", "Dan", "Eve"));
        Assert.Equal(new[] { 2L, 1L, 0L, 1L }, degrees);
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidRequest, () => _host.Table("node:Person").CountOutgoingAsync(Person, KeyBatch.Of("Alice")));
    }

    [Fact]
    public async Task OlderVersions_AnswerAsTheyWere()
    {
        var first = await _host.Client.ResolveSnapshotAsync(SnapshotTarget.AtVersion(BranchNames.Main, 2));
        var knows = first.GetTable("edge:Knows");
        var outgoing = await _host.Table("edge:Knows").ExpandAsync(knows, EdgeDirection.Outgoing, KeyBatch.Of("Alice"));
        Assert.Equal(["Bob", "Carol"], Enumerable.Range(0, outgoing.Count).Select(i => outgoing.NeighbourIds.GetString(i)));
        var dan = await _host.Table("node:Person").ContainsKeysAsync(first.GetTable("node:Person"), KeyBatch.Of("Dan"));
        Assert.True(dan[0]);
    }

    [Fact]
    public async Task AReferenceToAnotherTable_IsRefused()
    {
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidRequest, () => _host.Table("node:Company").ScanAsync(Person, []));
    }
}

/// <summary><see cref="TableReadTests"/> on one silo.</summary>
public sealed class TableReadTestsOnOneSilo() : TableReadTests(ClusterShape.OneSilo);

/// <summary><see cref="TableReadTests"/> on three silos.</summary>
public sealed class TableReadTestsOnThreeSilos() : TableReadTests(ClusterShape.ThreeSilos);

/// <summary><see cref="TableReadTests"/> on three silos with random placement.</summary>
public sealed class TableReadTestsOnThreeSilosRandom() : TableReadTests(ClusterShape.ThreeSilosRandom);
