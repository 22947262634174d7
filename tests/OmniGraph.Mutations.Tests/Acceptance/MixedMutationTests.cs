using OmniGraph.Mutations.Tests.Support;
using OmniGraph.Query;

namespace OmniGraph.Mutations.Tests.Acceptance;

/// <summary>AC-29: one query cannot mix inserts/updates with deletes (rule D2); it is refused before any I/O.</summary>
public sealed class MixedMutationTests
{
    [Fact]
    public async Task InsertAndDelete_InOneQuery_AreRefused_AndNothingIsWritten()
    {
        await using var host = await MutationHost.StandardAsync();
        var before = await host.HeadAsync();
        const string source = "query m($name: String, $age: I32, $victim: String) { insert Person { name: $name, age: $age }  delete Person where name = $victim }";

        var error = await Assert.ThrowsAsync<QueryException>(() => host.RunAsync(source, """{"name":"Eve","age":22,"victim":"Alice"}"""));

        Assert.Equal(ErrorCodes.QueryMixedMutation, error.Code);
        Assert.Contains("inserts/updates and deletes", error.Message, StringComparison.Ordinal);
        Assert.Contains("split into separate mutations", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("mutation 'm' on the same query mixes", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, (await host.RowsAsync("node:Person")).Count);
        Assert.Equal(before.Commit, (await host.HeadAsync()).Commit);
    }

    [Fact]
    public async Task UpdateAndDelete_InOneQuery_AreRefused()
    {
        await using var host = await MutationHost.StandardAsync();

        var error = await Assert.ThrowsAsync<QueryException>(() => host.RunAsync("""query m() { update Person set { age: 1 } where name = "Bob"  delete Knows where from = "Bob" }"""));

        Assert.Equal(ErrorCodes.QueryMixedMutation, error.Code);
        Assert.Equal("25", (await host.FindAsync("node:Person", "Bob"))!["age"]);
    }
}
