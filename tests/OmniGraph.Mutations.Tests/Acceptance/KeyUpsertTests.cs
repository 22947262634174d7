using OmniGraph.Mutations.Tests.Support;
using OmniGraph.Query;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Mutations.Tests.Acceptance;

/// <summary>AC-27: inserting an existing key replaces the node whole; key properties are immutable; bad inserts and edge updates are refused.</summary>
public sealed class KeyUpsertTests
{
    [Fact]
    public async Task InsertExistingKey_ReplacesTheNode()
    {
        await using var host = await MutationHost.StandardAsync();

        var change = await host.MutateAsync("insert_person", """{"name":"Alice","age":99}""");

        Assert.Equal(1, change.AffectedNodes);
        Assert.Equal(0, change.InsertedNodes);
        Assert.Equal(1, change.ReplacedNodes);
        var alices = (await host.RowsAsync("node:Person")).Where(static r => r.Id == "Alice").ToList();
        Assert.Equal("99", Assert.Single(alices)["age"]);
        Assert.Equal(4, (await host.RowsAsync("node:Person")).Count);
    }

    /// <summary>The receipt says how inserts landed: new nodes, and existing ones an insert replaced (updates are neither).</summary>
    [Theory]
    [InlineData("""query q() { insert Person { name: "Eve" } }""", 1, 0)]
    [InlineData("""query q() { insert Person { name: "Eve" }  insert Person { name: "Alice" } }""", 1, 1)]
    [InlineData("""query q() { insert Person { name: "Eve" }  update Person set { age: 5 } where name = "Bob" }""", 1, 0)]
    [InlineData("""query q() { update Person set { age: 5 } where name = "Bob"  insert Person { name: "Alice" } }""", 0, 1)]
    [InlineData("""query q() { insert Person { name: "Bob" }  update Person set { age: 5 } where name = "Bob" }""", 0, 1)]
    [InlineData("""query q() { insert Person { name: "Eve" }  insert Person { name: "Eve", age: 3 } }""", 1, 0)]
    [InlineData("""query q() { update Person set { age: 5 } where name = "Bob" }""", 0, 0)]
    public async Task Receipt_CountsInsertedAndReplacedNodes(string source, long inserted, long replaced)
    {
        await using var host = await MutationHost.StandardAsync();

        var change = await host.RunAsync(source);

        Assert.Equal((inserted, replaced), (change.InsertedNodes, change.ReplacedNodes));
    }

    [Fact]
    public async Task InsertExistingKey_LeavesUnassignedNullablePropertiesNull()
    {
        await using var host = await MutationHost.StandardAsync();

        await host.RunAsync("""query i() { insert Person { name: "Alice" } }""");

        Assert.Null((await host.FindAsync("node:Person", "Alice"))!["age"]);
    }

    [Fact]
    public async Task UpdateOfAKeyProperty_IsRefused_WhenItMatches()
    {
        await using var host = await MutationHost.StandardAsync();
        var before = await host.HeadAsync();
        const string rename = "query r($old_name: String, $new_name: String) { update Person set { name: $new_name } where name = $old_name }";

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.KeyUpdateRejected, () => host.RunAsync(rename, """{"old_name":"Alice","new_name":"Bob"}"""));

        Assert.Equal("key_update_rejected", error.Code);
        Assert.Contains("@key", error.Message, StringComparison.Ordinal);
        Assert.Equal("cannot update @key property 'name' — delete and re-insert instead", error.Message);
        Assert.Equal(before.Commit, (await host.HeadAsync()).Commit);
    }

    [Fact]
    public async Task UpdateOfAKeyProperty_MatchingNothing_IsASuccessfulNoOp()
    {
        await using var host = await MutationHost.StandardAsync();
        const string rename = "query r($old_name: String, $new_name: String) { update Person set { name: $new_name } where name = $old_name }";

        var change = await host.RunAsync(rename, """{"old_name":"Nobody","new_name":"Bob"}""");

        Assert.Equal(0, change.AffectedNodes);
        Assert.Null(change.Commit);
    }

    [Fact]
    public async Task InsertWithoutTheKey_IsATypeError()
    {
        await using var host = await MutationHost.StandardAsync();

        var error = await Assert.ThrowsAsync<QueryTypeException>(() => host.RunAsync("query i($age: I32) { insert Person { age: $age } }", """{"age":25}"""));

        Assert.Contains("T12", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, (await host.RowsAsync("node:Person")).Count);
    }

    [Fact]
    public async Task UpdateOfAnEdgeType_IsATypeError_NotACrash()
    {
        await using var host = await MutationHost.StandardAsync();

        var error = await Assert.ThrowsAsync<QueryTypeException>(() => host.RunAsync("""query u($from: String) { update Knows set { since: "2025-01-01" } where from = $from }""", """{"from":"Alice"}"""));

        Assert.Contains("T16", error.Message, StringComparison.Ordinal);
    }
}
