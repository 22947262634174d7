using OmniGraph.Arrow;
using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Grains.Tests.Tables;

/// <summary>
/// An overwrite of fragments a load staged is planned from their digests (the rows are not kept in memory), and it
/// must decide exactly what the in-memory plan of the same rows decides: the same graph, the same errors.
/// </summary>
public sealed class StagedOverwriteTests
{
    [Fact]
    public async Task StagedOverwrite_GivesTheGraphOfTheSameRowsWrittenInline()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore(), configure: o => o.MaxFragmentRows = 2);
        var staged = await StageAsync(host, "node:Person", Rows.Persons("A", "B", "C"), Rows.Persons("D"));
        var result = await host.WriteAsync(new TableWrite("node:Person", TableWriteMode.Overwrite, staged, [Rows.Persons("E")], null));

        Assert.Equal(5, result.Tables[0].Inserted);
        Assert.Equal(["A", "B", "C", "D", "E"], await host.ColumnAsync("node:Person", "id"));
        Assert.Equal(["A", "B", "C", "D", "E"], await host.ColumnAsync("node:Person", "name"));
    }

    [Fact]
    public async Task AnIdRepeatedAcrossStagedFragments_FailsAsItDoesInline()
    {
        var inline = await ErrorOfAsync(staged: false, "node:Person", Rows.Persons("A", "B"), Rows.Persons("C", "A"));
        var staged = await ErrorOfAsync(staged: true, "node:Person", Rows.Persons("A", "B"), Rows.Persons("C", "A"));

        Assert.Equal(ErrorCodes.UniqueViolation, staged.Code);
        Assert.Equal(inline.Code, staged.Code);
        Assert.Equal(inline.Message, staged.Message);
    }

    /// <summary>Fragments whose ids each ascend (as minted ids do) but overlap: the chain check must not let the repeat through.</summary>
    [Fact]
    public async Task AnIdRepeatedAcrossAscendingFragments_FailsAsItDoesInline()
    {
        var inline = await ErrorOfAsync(staged: false, "edge:Knows", Rows.Edges("edge:Knows", ("k1", "A", "B"), ("k2", "A", "C")), Rows.Edges("edge:Knows", ("k2", "B", "C"), ("k3", "C", "A")));
        var staged = await ErrorOfAsync(staged: true, "edge:Knows", Rows.Edges("edge:Knows", ("k1", "A", "B"), ("k2", "A", "C")), Rows.Edges("edge:Knows", ("k2", "B", "C"), ("k3", "C", "A")));

        Assert.Equal(ErrorCodes.KeyConflict, staged.Code);
        Assert.Equal(inline.Message, staged.Message);
    }

    [Fact]
    public async Task AnIdRepeatedWithinOneStagedFragment_FailsAsItDoesInline()
    {
        var inline = await ErrorOfAsync(staged: false, "edge:Knows", Rows.Edges("edge:Knows", ("k1", "A", "B"), ("k2", "A", "C"), ("k1", "B", "C")));
        var staged = await ErrorOfAsync(staged: true, "edge:Knows", Rows.Edges("edge:Knows", ("k1", "A", "B"), ("k2", "A", "C"), ("k1", "B", "C")));

        Assert.Equal(inline.Code, staged.Code);
        Assert.Equal(inline.Message, staged.Message);
    }

    [Fact]
    public async Task AUniqueValueRepeatedAcrossStagedFragments_FailsAsItDoesInline()
    {
        var first = Rows.Persons(("A", 1, "a@x"), ("B", 2, "b@x"));
        var second = Rows.Persons(("C", 3, null), ("D", 4, "a@x"));
        var inline = await ErrorOfAsync(staged: false, "node:Person", first, second);
        var staged = await ErrorOfAsync(staged: true, "node:Person", first, second);

        Assert.Equal(ErrorCodes.UniqueViolation, staged.Code);
        Assert.Equal(inline.Message, staged.Message);
        Assert.Contains("a@x", staged.Message, StringComparison.Ordinal);
    }

    /// <summary>Ids of the base that no staged row holds again are removed, so edges that still point at them are refused.</summary>
    [Fact]
    public async Task StagedOverwrite_RemovesTheBaseIdsItDoesNotHoldAgain()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore(), configure: o => o.MaxFragmentRows = 2);
        await host.WriteAsync(
            new TableWrite("node:Person", TableWriteMode.Insert, [], [Rows.Persons("A", "B", "C")], null),
            new TableWrite("edge:Knows", TableWriteMode.Insert, [], [Rows.Edges("edge:Knows", ("k1", "A", "C"))], null));

        var dropsB = await StageAsync(host, "node:Person", Rows.Persons("A"), Rows.Persons("C", "D"));
        var kept = await host.WriteAsync(new TableWrite("node:Person", TableWriteMode.Overwrite, dropsB, [], null));
        Assert.Equal(3, kept.Tables[0].Deleted);
        Assert.Equal(["A", "C", "D"], await host.ColumnAsync("node:Person", "id"));

        var dropsC = await StageAsync(host, "node:Person", Rows.Persons("A"), Rows.Persons("D"));
        var refused = await ErrorAssert.ThrowsAsync(ErrorCodes.OrphanEdge, () => host.WriteAsync(new TableWrite("node:Person", TableWriteMode.Overwrite, dropsC, [], null)));
        Assert.Contains("'C'", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["A", "C", "D"], await host.ColumnAsync("node:Person", "id"));
    }

    /// <summary>
    /// Staging calls interleave (a load keeps several in flight) and digest off the grain's thread: endpoints staged
    /// concurrently all reach the cross-table checks, so one edge to a missing node among many is still refused.
    /// </summary>
    [Fact]
    public async Task EndpointsStagedConcurrently_AllReachTheEndpointCheck()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        var people = Enumerable.Range(0, 400).Select(static i => $"p{i}").ToArray();
        await host.WriteAsync(new TableWrite("node:Person", TableWriteMode.Insert, [], [Rows.Persons(people)], null));
        for (var missingIn = 0; missingIn < 24; missingIn += 7)
        {
            var tx = Ulid.NewUlid().ToString();
            var batches = Enumerable.Range(0, 24).Select(b => Rows.Edges(
                "edge:Knows",
                [.. Enumerable.Range(0, 50).Select(i => ($"k{b}-{i}", $"p{(b * 50 + i) % 400}", b == missingIn && i == 49 ? "nobody" : $"p{(b * 31 + i) % 400}"))]));
            var staged = await Task.WhenAll(batches.Select(batch => host.TableProtocol("edge:Knows").StageFragmentAsync(tx, batch)));
            var error = await ErrorAssert.ThrowsAsync(ErrorCodes.OrphanEdge, () => host.WriteAsync(new TableWrite("edge:Knows", TableWriteMode.Overwrite, [.. staged.SelectMany(static s => s)], [], null)));
            Assert.Contains("'nobody'", error.Message, StringComparison.Ordinal);
        }

        Assert.Empty(await host.ColumnAsync("edge:Knows", "id"));
    }

    private static async Task<OmniGraphException> ErrorOfAsync(bool staged, string table, params RecordBatch[] batches)
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore(), configure: o => o.MaxFragmentRows = 2);
        var write = staged
            ? new TableWrite(table, TableWriteMode.Overwrite, await StageAsync(host, table, batches), [], null)
            : new TableWrite(table, TableWriteMode.Overwrite, [], [.. batches], null);
        var error = await Assert.ThrowsAsync<OmniGraphException>(() => host.WriteAsync(write));
        Assert.Empty(await host.ColumnAsync(table, "id"));
        return error;
    }

    /// <summary>Stages batches under one transaction, as a load session does, and returns what it staged in order.</summary>
    private static async Task<System.Collections.Immutable.ImmutableArray<StagedFragment>> StageAsync(GraphHost host, string table, params RecordBatch[] batches)
    {
        var tx = Ulid.NewUlid().ToString();
        var staged = System.Collections.Immutable.ImmutableArray.CreateBuilder<StagedFragment>();
        foreach (var batch in batches)
        {
            staged.AddRange(await host.TableProtocol(table).StageFragmentAsync(tx, batch));
        }

        return staged.ToImmutable();
    }
}
