using OmniGraph.Abstractions;
using OmniGraph.Loading.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.Concurrency;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Loading.Tests.Concurrency;

/// <summary>
/// Two silos ("processes") on one store load into the same graph at once, both prepared against the same head: one
/// wins the head; the loser re-prepares (append, merge) or reports the conflict (overwrite). Nothing is lost or
/// duplicated and the history stays linear.
/// </summary>
public sealed class LoadRaceTests : IAsyncLifetime
{
    private readonly MemoryObjectStore _store = new();
    private LoadingHost _a = null!;
    private LoadingHost _b = null!;

    public async Task InitializeAsync()
    {
        _a = await LoadingHost.InitAsync(_store, AcceptanceFixtures.TestSchema);
        _b = await LoadingHost.StartAsync(_store);
        await _a.LoadAsync(GraphLoadMode.Overwrite, AcceptanceFixtures.TestData);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Theory]
    [InlineData(GraphLoadMode.Append)]
    [InlineData(GraphLoadMode.Merge)]
    public async Task AppendAndMerge_Loser_Reprepares(GraphLoadMode loserMode)
    {
        var (winner, loser) = await RaceAsync(
            GraphLoadMode.Append,
            """{"type":"Person","data":{"name":"Eve","age":22}}""",
            loserMode,
            """{"type":"Person","data":{"name":"Frank","age":41}}""");

        var won = await winner;
        var lost = await loser;
        Assert.Equal(1, won.Attempts);
        Assert.Equal(2, lost.Attempts);
        Assert.Equal(won.Commit.GraphCommitId, lost.Commit.ParentCommitId);
        var ids = await _a.ColumnAsync("node:Person", "id");
        Assert.Equal(["Alice", "Bob", "Charlie", "Diana", "Eve", "Frank"], ids.Order(StringComparer.Ordinal));
        await AssertLinearAsync(expectedCommits: 4);
    }

    [Fact]
    public async Task Overwrite_Loser_GetsTheTypedConflict()
    {
        var (winner, loser) = await RaceAsync(
            GraphLoadMode.Append,
            """{"type":"Person","data":{"name":"Eve"}}""",
            GraphLoadMode.Overwrite,
            """{"type":"Company","data":{"name":"Acme"}}""" + "\n" + """{"type":"Company","data":{"name":"Globex"}}""" + "\n" + """{"type":"Company","data":{"name":"Hooli"}}""");

        await winner;
        var conflict = await Assert.ThrowsAsync<ReadSetChangedException>(() => loser);
        Assert.Equal("read_set_conflict", conflict.Code);
        Assert.Equal("graph_head:main", conflict.Member);
        Assert.Equal(5, (await _b.ColumnAsync("node:Person", "id")).Count);
        Assert.Equal(["Acme", "Globex"], await _b.ColumnAsync("node:Company", "id"));
        await AssertLinearAsync(expectedCommits: 3);
        Assert.Empty(await _a.SidecarsAsync());
    }

    /// <summary>Both loads are prepared on the same head and paused before their sidecars; A commits first, then B.</summary>
    private Task<(Task<LoadOutput> Winner, Task<LoadOutput> Loser)> RaceAsync(GraphLoadMode modeA, string lineA, GraphLoadMode modeB, string lineB) =>
        CommitRace.RunAsync(_a, host => host.LoadLinesAsync(modeA, lineA), _b, host => host.LoadLinesAsync(modeB, lineB));

    private async Task AssertLinearAsync(int expectedCommits) =>
        Assert.Equal(expectedCommits, (await GraphAssertions.LinearHistoryAsync(_b)).Count);
}
