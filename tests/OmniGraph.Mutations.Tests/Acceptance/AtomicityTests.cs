using OmniGraph.Abstractions;
using OmniGraph.Mutations.Tests.Support;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Mutations.Tests.Acceptance;

/// <summary>AC-28: a mutation is atomic; a failed write leaves no trace and does not block the next one.</summary>
public sealed class AtomicityTests
{
    [Fact]
    public async Task EdgeToAMissingNode_FailsWithNotFound_AndChangesNothing()
    {
        await using var host = await MutationHost.StandardAsync();
        var before = await host.HeadAsync();

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.OrphanEdge, () => host.MutateAsync("add_friend", """{"from":"Alice","to":"Missing"}"""));

        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
        Assert.Equal("dst 'Missing' not found in Person", error.Message);
        Assert.Equal(2, (await host.TargetsAsync("edge:Knows", "Alice")).Count);
        Assert.Equal(before.Commit, (await host.HeadAsync()).Commit);
        Assert.Equal(["main"], (await host.Client.ListBranchesAsync()).Select(static b => b.Name));
        await GraphAssertions.ConsistentAsync(host);
    }

    [Fact]
    public async Task FailingSecondStatement_DiscardsTheFirst_AndTheNextMutationWorks()
    {
        await using var host = await MutationHost.StandardAsync();
        var before = await host.HeadAsync();

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.OrphanEdge, () => host.MutateAsync("insert_person_and_friend", """{"name":"Eve","age":22,"friend":"Missing"}"""));
        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
        Assert.Null(await host.FindAsync("node:Person", "Eve"));
        Assert.Equal(before.Commit, (await host.HeadAsync()).Commit);

        var next = await host.MutateAsync("insert_person", """{"name":"Frank","age":33}""");
        Assert.Equal(1, next.AffectedNodes);
        Assert.Equal("33", (await host.FindAsync("node:Person", "Frank"))?["age"]);
        Assert.Equal(before.ManifestVersion + 1, (await host.HeadAsync()).ManifestVersion);
        await GraphAssertions.ConsistentAsync(host);
    }

    [Fact]
    public async Task FailedLoad_ThenMutation_Works()
    {
        await using var host = await MutationHost.StandardAsync();

        await Assert.ThrowsAnyAsync<OmniGraphException>(() => host.LoadAsync(
            """
            {"type":"Person","data":{"name":"Mallory","age":5}}
            {"edge":"Knows","from":"Mallory","to":"Ghost"}
            """,
            GraphLoadMode.Append));
        Assert.Equal(4, (await host.RowsAsync("node:Person")).Count);

        await host.MutateAsync("insert_person", """{"name":"Pat","age":55}""");
        Assert.Equal(5, (await host.RowsAsync("node:Person")).Count);
    }
}
