using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Grains.Tests.Writes;

/// <summary>The engine's cross-row checks and their messages: keys, <c>@unique</c>, edge endpoints, <c>@card</c>.</summary>
public sealed class WriteValidationTests
{
    [Fact]
    public async Task StrictInsertOfAnExistingId_IsAKeyConflict_WithTheSpecMessage()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Insert, Rows.Persons(("Alice", 30, null))));

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.KeyConflict, () =>
            host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Insert, Rows.Persons(("Alice", 99, null)))));

        Assert.Equal("key_conflict", error.Code);
        Assert.Equal("node type 'Person' already has id 'Alice'", error.Message);
        Assert.Equal("Alice", error.Get(ErrorDetail.EntityId));
        Assert.Equal("node:Person", error.Get(ErrorDetail.Table));
        Assert.Equal(2, (await host.HeadAsync()).ManifestVersion);
    }

    [Fact]
    public async Task RepeatedKeyInOneInsert_IsAUniqueViolationOnTheKey()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.UniqueViolation, () =>
            host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Insert, Rows.Persons("DUP", "DUP"))));
        Assert.Equal("unique_violation", error.Code);
        Assert.StartsWith("@unique violation on Person.name: value 'DUP'", error.Message);
    }

    [Fact]
    public async Task RepeatedEdgeIdInOneInsert_IsAKeyConflict()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("A", "B")));
        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.KeyConflict, () => host.WriteAsync(
            TableWrite.FromBatches("edge:Knows", TableWriteMode.Insert, Rows.Edges("edge:Knows", ("e1", "A", "B"), ("e1", "B", "A")))));
        Assert.Equal("edge type 'Knows' already has id 'e1'", error.Message);
    }

    [Fact]
    public async Task UniqueWithinTheWrite_NamesBothHolders()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.UniqueViolation, () => host.WriteAsync(
            TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(("Alice", null, "dup@example.com"), ("Bob", null, "dup@example.com")))));
        Assert.Equal("@unique violation on Person.email: value 'dup@example.com' held by 'Alice' and 'Bob'", error.Message);
        Assert.Empty(await host.ColumnAsync("node:Person", "id"));
    }

    [Fact]
    public async Task UniqueAgainstCommittedRows_RejectsTheWholeBatch()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Insert, Rows.Persons(("Bob", null, "dup@x"))));
        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.UniqueViolation, () => host.WriteAsync(
            TableWrite.FromBatches("node:Person", TableWriteMode.Insert, Rows.Persons(("Carol", null, "dup@x"), ("Dave", null, "dave@x")))));
        Assert.Equal("@unique violation on Person.email: value 'dup@x' held by 'Bob' and 'Carol'", error.Message);
        Assert.Equal(["Bob"], await host.ColumnAsync("node:Person", "id"));
    }

    [Fact]
    public async Task ReupsertingOwnValue_AndReusingAValueFreedInTheSameWrite_AreNotViolations()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(("Alice", null, "orig"), ("Bob", null, "bob@x"))));
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(("Alice", 1, "orig"))));

        // Alice moves to "final" and Carol takes the freed "orig" in the same write.
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(("Alice", null, "final"), ("Carol", null, "orig"))));

        Assert.Equal(["bob@x", "final", "orig"], await host.ColumnAsync("node:Person", "email"));

        // Nulls are exempt.
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(("Dan", null, null), ("Eve", null, null))));
    }

    [Fact]
    public async Task UniqueValueOfADeletedRow_IsFree()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(("Alice", null, "a@x"))));
        await host.WriteAsync(new TableWrite("node:Person", TableWriteMode.Upsert, [], [Rows.Persons(("Bob", null, "a@x"))], KeyBatch.Of("Alice")));
        Assert.Equal(["Bob"], await host.ColumnAsync("node:Person", "id"));
    }

    [Fact]
    public async Task NewEdgeWithAMissingEndpoint_IsAnOrphanEdge_NamingTheSide()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice")));

        var src = await ErrorAssert.ThrowsAsync(ErrorCodes.OrphanEdge, () =>
            host.WriteAsync(TableWrite.FromBatches("edge:Knows", TableWriteMode.Upsert, Rows.Edges("edge:Knows", ("k", "X", "Alice")))));
        Assert.Equal("src 'X' not found in Person", src.Message);
        Assert.Equal("orphan_edge", src.Code);

        var dst = await ErrorAssert.ThrowsAsync(ErrorCodes.OrphanEdge, () =>
            host.WriteAsync(TableWrite.FromBatches("edge:Knows", TableWriteMode.Upsert, Rows.Edges("edge:Knows", ("k", "Alice", "Ghost")))));
        Assert.Equal("dst 'Ghost' not found in Person", dst.Message);

        // Endpoints written in the same write count.
        await host.WriteAsync(
            TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Ghost")),
            TableWrite.FromBatches("edge:Knows", TableWriteMode.Upsert, Rows.Edges("edge:Knows", ("k", "Alice", "Ghost"))));
    }

    [Fact]
    public async Task RemovingANodeAKeptEdgeReferences_IsRefused_UnlessTheEdgeGoesToo()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(
            TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice", "Bob")),
            TableWrite.FromBatches("edge:Knows", TableWriteMode.Upsert, Rows.Edges("edge:Knows", ("k1", "Alice", "Bob"))));

        var overwrite = await ErrorAssert.ThrowsAsync(ErrorCodes.OrphanEdge, () =>
            host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Overwrite, Rows.Persons("Alice"))));
        Assert.Equal("dst 'Bob' not found in Person", overwrite.Message);
        Assert.Equal("k1", overwrite.Get(ErrorDetail.EdgeId));

        var delete = await ErrorAssert.ThrowsAsync(ErrorCodes.OrphanEdge, () => host.WriteAsync(TableWrite.Delete("node:Person", KeyBatch.Of("Alice"))));
        Assert.Equal("src 'Alice' not found in Person", delete.Message);

        await host.WriteAsync(TableWrite.Delete("node:Person", KeyBatch.Of("Alice")), TableWrite.Delete("edge:Knows", KeyBatch.Of("k1")));
        Assert.Equal(["Bob"], await host.ColumnAsync("node:Person", "id"));
        Assert.Empty(await host.ColumnAsync("edge:Knows", "id"));
    }

    [Fact]
    public async Task CardinalityMax_IsCheckedForTouchedSources()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(
            TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice", "Bob")),
            TableWrite.FromBatches("node:Company", TableWriteMode.Upsert, Rows.Companies("Acme", "Globex")));

        var two = await ErrorAssert.ThrowsAsync(ErrorCodes.CardinalityViolation, () => host.WriteAsync(
            TableWrite.FromBatches("edge:WorksAt", TableWriteMode.Upsert, Rows.Edges("edge:WorksAt", ("w1", "Alice", "Acme"), ("w2", "Alice", "Globex")))));
        Assert.Equal("@card violation on edge WorksAt: source 'Alice' has 2 edges (max 1)", two.Message);
        Assert.Equal("cardinality_violation", two.Code);

        await host.WriteAsync(TableWrite.FromBatches("edge:WorksAt", TableWriteMode.Upsert, Rows.Edges("edge:WorksAt", ("w1", "Alice", "Acme"))));

        // Against committed edges: a second one for Alice is refused.
        await ErrorAssert.ThrowsAsync(ErrorCodes.CardinalityViolation, () => host.WriteAsync(
            TableWrite.FromBatches("edge:WorksAt", TableWriteMode.Upsert, Rows.Edges("edge:WorksAt", ("w2", "Alice", "Globex")))));

        // Re-pointing the same edge id keeps one edge.
        await host.WriteAsync(TableWrite.FromBatches("edge:WorksAt", TableWriteMode.Upsert, Rows.Edges("edge:WorksAt", ("w1", "Alice", "Globex"))));
        Assert.Equal(["Globex"], await host.ColumnAsync("edge:WorksAt", "dst"));

        // The last row of a repeated edge id wins in an upsert.
        await host.WriteAsync(TableWrite.FromBatches("edge:WorksAt", TableWriteMode.Upsert, Rows.Edges("edge:WorksAt", ("w9", "Bob", "Acme"), ("w9", "Bob", "Globex"))));
        Assert.Equal(2, (await host.HeadAsync()).GetTable("edge:WorksAt").RowCount);
    }

    [Fact]
    public async Task CardinalityMin_CountsSourcesVacatedByMovedOrDeletedEdges_ButNotDeletedSources()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore(), TestSchemas.Items);
        await host.WriteAsync(
            TableWrite.FromBatches("node:Item", TableWriteMode.Upsert, Rows.Items(("i1", "one"), ("i2", "two"))),
            TableWrite.FromBatches("node:Tag", TableWriteMode.Upsert, Rows.KeyedNodes("node:Tag", ["a", "b", "c"], TestSchemas.Items)));

        var single = await ErrorAssert.ThrowsAsync(ErrorCodes.CardinalityViolation, () => host.WriteAsync(
            TableWrite.FromBatches("edge:Tagged", TableWriteMode.Upsert, Rows.Edges("edge:Tagged", TestSchemas.Items, ("t1", "i1", "a")))));
        Assert.Equal("@card violation on edge Tagged: source 'i1' has 1 edges (min 2)", single.Message);

        await host.WriteAsync(TableWrite.FromBatches("edge:Tagged", TableWriteMode.Upsert,
            Rows.Edges("edge:Tagged", TestSchemas.Items, ("t1", "i1", "a"), ("t2", "i1", "b"), ("t3", "i2", "a"), ("t4", "i2", "b"))));

        // Moving t2 from i1 to i2 vacates i1.
        var moved = await ErrorAssert.ThrowsAsync(ErrorCodes.CardinalityViolation, () => host.WriteAsync(
            TableWrite.FromBatches("edge:Tagged", TableWriteMode.Upsert, Rows.Edges("edge:Tagged", TestSchemas.Items, ("t2", "i2", "c")))));
        Assert.Contains("source 'i1' has 1 edges (min 2)", moved.Message);

        // Deleting one of i2's edges is refused; deleting i2 with all its edges is not checked.
        await ErrorAssert.ThrowsAsync(ErrorCodes.CardinalityViolation, () => host.WriteAsync(TableWrite.Delete("edge:Tagged", KeyBatch.Of("t3"))));
        await host.WriteAsync(TableWrite.Delete("node:Item", KeyBatch.Of("i2")), TableWrite.Delete("edge:Tagged", KeyBatch.Of("t3", "t4")));

        // A node that never appears in an edge write is never checked.
        await host.WriteAsync(TableWrite.FromBatches("node:Item", TableWriteMode.Upsert, Rows.Items(("i3", "three"))));
    }
}
