using System.Globalization;
using OmniGraph.Abstractions;
using OmniGraph.Mutations.Tests.Support;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Mutations.Tests.Merging;

/// <summary>
/// The merge truth table (versioning.md §5.2, acceptance case AC-41): every pair of one operation on <c>feature</c>
/// (left) and one on <c>main</c> (right), then <c>feature</c> merged into <c>main</c>. 49 cells, data-driven: the outcome,
/// main's state after it (persons / Knows edges / Alice's age / Eve present), and for a conflict exactly the conflicts
/// listed and main left as the right operation alone left it.
/// </summary>
public sealed class MergeTruthTableTests
{
    /// <summary>Alice 30, Bob 25, Carol 40, Dan 50 and Knows Bob→Carol.</summary>
    private const string Base = """
        {"type": "Person", "data": {"name": "Alice", "age": 30}}
        {"type": "Person", "data": {"name": "Bob", "age": 25}}
        {"type": "Person", "data": {"name": "Carol", "age": 40}}
        {"type": "Person", "data": {"name": "Dan", "age": 50}}
        {"edge": "Knows", "from": "Bob", "to": "Carol"}
        """;

    public enum Op
    {
        Noop,
        AddNode,
        RemoveNode,
        AddEdge,
        RemoveEdge,
        SetProp,
        NetZero,
    }

    /// <summary>Rows: the left (feature) operation; columns: the right (main) operation, both in <see cref="Op"/> order.</summary>
    private static readonly string[][] s_table =
    [
        ["UpToDate", "UpToDate", "UpToDate", "UpToDate", "UpToDate", "UpToDate", "UpToDate"],
        ["FF 5/1/30/Y", "CONFLICT DivergentInsert node:Person Eve", "Merged 4/1/-/Y", "Merged 5/2/30/Y", "Merged 5/0/30/Y", "Merged 5/1/31/Y", "Merged 5/1/30/Y"],
        ["FF 3/1/-/N", "Merged 4/1/-/Y", "Merged 3/1/-/N", "CONFLICT OrphanEdge edge:Knows", "Merged 3/0/-/N", "CONFLICT DeleteVsUpdate node:Person Alice", "Merged 3/1/-/N"],
        ["FF 4/2/30/N", "Merged 5/2/30/Y", "CONFLICT OrphanEdge edge:Knows", "Merged 4/3/30/N", "Merged 4/1/30/N", "Merged 4/2/31/N", "Merged 4/2/30/N"],
        ["FF 4/0/30/N", "Merged 5/0/30/Y", "Merged 3/0/-/N", "Merged 4/1/30/N", "Merged 4/0/30/N", "Merged 4/0/31/N", "Merged 4/0/30/N"],
        ["FF 4/1/31/N", "Merged 5/1/31/Y", "CONFLICT DeleteVsUpdate node:Person Alice", "Merged 4/2/31/N", "Merged 4/0/31/N", "CONFLICT DivergentUpdate node:Person Alice", "Merged 4/1/31/N"],
        ["FF 4/1/30/N", "Merged 5/1/30/Y", "Merged 3/1/-/N", "Merged 4/2/30/N", "Merged 4/0/30/N", "Merged 4/1/31/N", "Merged 4/1/30/N"],
    ];

    public static TheoryData<Op, Op, string> Cells()
    {
        var cells = new TheoryData<Op, Op, string>();
        foreach (var left in Enum.GetValues<Op>())
        {
            foreach (var right in Enum.GetValues<Op>())
            {
                cells.Add(left, right, s_table[(int)left][(int)right]);
            }
        }

        return cells;
    }

    [Fact]
    public void TheTableHasEveryPair() => Assert.Equal(49, Cells().Count);

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Cell(Op left, Op right, string expected)
    {
        await using var host = await MutationHost.InitAsync(AcceptanceFixtures.TestSchema, Base);
        await host.Client.CreateBranchAsync("feature");
        var both = (left, right);
        await ApplyAsync(host, left, "feature", eveAge: both == (Op.AddNode, Op.AddNode) ? 21 : 22, aliceAge: 31);
        await ApplyAsync(host, right, BranchNames.Main, eveAge: 22, aliceAge: both == (Op.SetProp, Op.SetProp) ? 32 : 31);
        var rightAlone = await StateAsync(host);
        var headBefore = await host.HeadAsync();

        var merge = await host.Client.MergeBranchAsync(new BranchMergeRequest("feature"));

        var parts = expected.Split(' ');
        switch (parts[0])
        {
            case "UpToDate":
                Assert.Equal(BranchMergeOutcome.AlreadyUpToDate, merge.Outcome);
                Assert.Equal(headBefore, await host.HeadAsync());
                Assert.Equal(rightAlone, await StateAsync(host));
                break;
            case "CONFLICT":
                Assert.Equal(BranchMergeOutcome.Conflicted, merge.Outcome);
                var conflict = Assert.Single(merge.Conflicts);
                Assert.Equal((Enum.Parse<MergeConflictKind>(parts[1]), parts[2]), (conflict.Kind, conflict.Table));
                if (parts.Length > 3)
                {
                    Assert.Equal(parts[3], conflict.EntityId);
                }

                Assert.Equal(headBefore, await host.HeadAsync());
                Assert.Equal(rightAlone, await StateAsync(host));
                break;
            default:
                Assert.Equal(parts[0] == "FF" ? BranchMergeOutcome.FastForward : BranchMergeOutcome.Merged, merge.Outcome);
                Assert.Equal(parts[1], await StateAsync(host));
                var commit = merge.Commit!;
                Assert.Equal((headBefore.Commit.Id, merge.SourceCommitId), (commit.ParentId, commit.MergedParentId));
                await GraphAssertions.ConsistentAsync(host);
                Assert.Equal(BranchMergeOutcome.AlreadyUpToDate, (await host.Client.MergeBranchAsync(new BranchMergeRequest("feature"))).Outcome);
                break;
        }
    }

    private static async Task ApplyAsync(MutationHost host, Op op, string branch, int eveAge, int aliceAge)
    {
        switch (op)
        {
            case Op.AddNode:
                await host.MutateAsync("insert_person", $$"""{"name":"Eve","age":{{eveAge}}}""", branch: branch);
                break;
            case Op.RemoveNode:
                await host.MutateAsync("remove_person", """{"name":"Alice"}""", branch: branch);
                break;
            case Op.AddEdge:
                await host.MutateAsync("add_friend", """{"from":"Alice","to":"Carol"}""", branch: branch);
                break;
            case Op.RemoveEdge:
                await host.MutateAsync("remove_friendship", """{"from":"Bob"}""", branch: branch);
                break;
            case Op.SetProp:
                await host.MutateAsync("set_age", $$"""{"name":"Alice","age":{{aliceAge}}}""", branch: branch);
                break;
            case Op.NetZero:
                await host.MutateAsync("add_friend", """{"from":"Alice","to":"Carol"}""", branch: branch);
                await host.MutateAsync("remove_friendship", """{"from":"Alice"}""", branch: branch);
                break;
        }
    }

    /// <summary>Main's state as <c>persons/knows/Alice's age (or -)/Eve present (Y or N)</c>.</summary>
    private static async Task<string> StateAsync(MutationHost host)
    {
        var persons = await host.RowsAsync("node:Person");
        var knows = await host.RowsAsync("edge:Knows");
        var alice = persons.FirstOrDefault(static p => p.Id == "Alice");
        return string.Create(CultureInfo.InvariantCulture,
            $"{persons.Count}/{knows.Count}/{(alice is null ? "-" : alice["age"])}/{(persons.Any(static p => p.Id == "Eve") ? "Y" : "N")}");
    }
}
