using OmniGraph.Abstractions;
using OmniGraph.Mutations.Tests.Support;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Mutations.Tests.Acceptance;

/// <summary>Mutations on a branch other than main: the fork's inherited head is its read token, and writes stay on the branch.</summary>
public sealed class BranchTests
{
    [Fact]
    public async Task FreshFork_AcceptsItsInheritedHeadAsTheCompareAndSwapToken()
    {
        await using var host = await MutationHost.StandardAsync();
        var mainHead = (await host.HeadAsync()).Commit.Id;
        await host.Client.CreateBranchAsync("feature");
        var token = (await host.HeadAsync("feature")).Commit.Id;
        Assert.Equal(mainHead, token);

        var change = await host.MutateAsync("set_age", """{"name":"Alice","age":77}""", branch: "feature", expectedHead: token);

        Assert.Equal("feature", change.Branch);
        Assert.Equal("feature", change.Commit!.GraphBranch);
        Assert.Equal(token, change.Commit.ParentCommitId);
        Assert.Equal("30", (await host.FindAsync("node:Person", "Alice"))!["age"]);
        var feature = await host.HeadAsync("feature");
        var person = feature.GetTable("node:Person");
        var scan = await host.Client.GetTable("node:Person", person.ChainBranch).LookupAsync(person, KeyBatch.Of("Alice"), ["age"]);
        Assert.Equal(77, ((Arrow.PrimitiveColumn<int>)scan.Rows.Column(0)).GetValue(0));
    }

    [Fact]
    public async Task MissingBranch_IsBranchNotFound_AndNothingIsCreated()
    {
        await using var host = await MutationHost.StandardAsync();

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.BranchNotFound, () => host.MutateAsync("insert_person", """{"name":"Eve","age":1}""", branch: "nope"));

        Assert.Equal("branch 'nope' not found", error.Message);
        Assert.Equal(["main"], (await host.Client.ListBranchesAsync()).Select(static b => b.Name));
    }
}
