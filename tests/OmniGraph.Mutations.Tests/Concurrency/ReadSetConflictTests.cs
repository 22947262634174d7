using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Mutations.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.Fixtures;
using OmniGraph.Testing.IO;

namespace OmniGraph.Mutations.Tests.Concurrency;

/// <summary>
/// A mutation whose snapshot changes before it publishes (spec versioning.md §2.2): another process commits while this
/// one stands between its checks and its first effect. An insert-only mutation is re-prepared on the new head; an update
/// or delete fails with <c>read_set_conflict</c> on <c>graph_head:main</c> and leaves nothing behind.
/// </summary>
public sealed class ReadSetConflictTests
{
    [Theory]
    [InlineData("set_age", """{"name":"Alice","age":31}""")]
    [InlineData("remove_friendship", """{"from":"Alice"}""")]
    public async Task ReadingMutation_WhoseHeadMovesBeforePublish_FailsWithTheTypedConflict(string query, string parameters)
    {
        using var directory = new TempDirectory();
        await using var a = await MutationHost.InitAsync(AcceptanceFixtures.TestSchema, AcceptanceFixtures.TestData, new LocalDirectoryObjectStore(directory.Path));
        await using var b = await MutationHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        var pinned = (await a.HeadAsync()).Commit.Id;
        var pause = a.Failpoints.Arm(Failpoints.CommitSidecarWrite, FailpointAction.PauseBefore);

        var mutation = a.MutateAsync(query, parameters);
        await pause.Fired.WaitAsync(TimeSpan.FromSeconds(30));
        var other = await b.MutateAsync("insert_person", """{"name":"Eve","age":22}""");
        pause.Release();

        var conflict = await Assert.ThrowsAsync<ReadSetChangedException>(() => mutation);
        Assert.Equal("read_set_conflict", conflict.Code);
        Assert.Equal("graph_head:main", conflict.Member);
        Assert.Equal(pinned, conflict.Expected);
        Assert.Equal(other.Commit!.GraphCommitId, conflict.Actual);
        Assert.Equal("30", (await a.FindAsync("node:Person", "Alice"))!["age"]);
        Assert.Equal(2, (await a.TargetsAsync("edge:Knows", "Alice")).Count);
        Assert.Equal("22", (await a.FindAsync("node:Person", "Eve"))?["age"]);
        await b.Manifest.GetRecoveryStatusAsync(); // b's completion deletes its sidecar after the acknowledgement
        await GraphAssertions.ConsistentAsync(a);
        await GraphAssertions.LinearHistoryAsync(a);
    }

    [Fact]
    public async Task InsertOnlyMutation_WhoseHeadMovesBeforePublish_IsRePrepared()
    {
        using var directory = new TempDirectory();
        await using var a = await MutationHost.InitAsync(AcceptanceFixtures.TestSchema, AcceptanceFixtures.TestData, new LocalDirectoryObjectStore(directory.Path));
        await using var b = await MutationHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        var pause = a.Failpoints.Arm(Failpoints.CommitSidecarWrite, FailpointAction.PauseBefore);

        var mutation = a.MutateAsync("insert_person_and_friend", """{"name":"Frank","age":33,"friend":"Alice"}""");
        await pause.Fired.WaitAsync(TimeSpan.FromSeconds(30));
        var other = await b.MutateAsync("set_age", """{"name":"Alice","age":31}""");
        pause.Release();

        var change = await mutation;
        Assert.Equal(2, change.Attempts);
        Assert.Equal(other.Commit!.GraphCommitId, change.Commit!.ParentCommitId);
        Assert.Equal("31", (await a.FindAsync("node:Person", "Alice"))!["age"]);
        Assert.Equal(["Alice"], await a.TargetsAsync("edge:Knows", "Frank"));
        await b.Manifest.GetRecoveryStatusAsync(); // b's completion deletes its sidecar after the acknowledgement
        await GraphAssertions.ConsistentAsync(a);
        await GraphAssertions.LinearHistoryAsync(a);
    }
}
