using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Grains.Tests.Tables;

/// <summary>
/// The write path's edge reads (<see cref="ITableBranchGrain.ExpandAsync"/> both ways, <see cref="ITableBranchGrain.CountOutgoingAsync"/>:
/// cascades and <c>@card</c> use them) on a warm grain after deletes. The adjacency indexes built for one version are
/// carried to the next with only the new edges added, so the deleted ones, of the frozen base and of the overlay, are
/// skipped only by the version's deletion masks. A grain started afresh on the same store builds its indexes from the
/// live rows alone and is the reference. The writer's own checks read the same way: a node removal is refused only
/// for a live edge.
/// </summary>
public sealed class WarmEdgeReadsAfterDeleteTests
{
    private static readonly KeyBatch s_people = KeyBatch.Of("Alice", "Bob", "Carol", "Dan");

    [Fact]
    public async Task ExpandAndDegrees_OnAWarmGrain_SkipDeletedBaseAndOverlayEdges()
    {
        var store = new MemoryObjectStore();
        await using (var host = await GraphHost.InitAsync(store))
        {
            await host.WriteAsync(
                TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice", "Bob", "Carol", "Dan")),
                TableWrite.FromBatches("edge:Knows", TableWriteMode.Upsert, Rows.Edges("edge:Knows", ("k1", "Alice", "Bob"), ("k2", "Alice", "Carol"), ("k3", "Bob", "Carol"), ("k4", "Carol", "Alice"))));
            Assert.Equal("Alice>Bob k1,Alice>Carol k2,Bob>Carol k3,Carol>Alice k4 | Alice<Carol k4,Bob<Alice k1,Carol<Alice k2,Carol<Bob k3 | 2,1,1,0", await ReadAllAsync(host));

            // Overlay edges join the warm indexes; then one base and one overlay edge of each node go.
            await host.WriteAsync(TableWrite.FromBatches("edge:Knows", TableWriteMode.Upsert, Rows.Edges("edge:Knows", ("k5", "Dan", "Alice"), ("k6", "Bob", "Dan"))));
            Assert.Equal("2,2,1,1", (await ReadAllAsync(host)).Split(" | ")[2]);
            await host.WriteAsync(TableWrite.Delete("edge:Knows", KeyBatch.Of("k1", "k4", "k6")));
            var head = (await host.HeadAsync()).GetTable("edge:Knows");
            Assert.Equal(3, (await host.Table("edge:Knows").GetVersionInfoAsync(head)).DeletedRowCount);

            var warm = await ReadAllAsync(host);
            Assert.Equal("Alice>Carol k2,Bob>Carol k3,Dan>Alice k5 | Alice<Dan k5,Carol<Alice k2,Carol<Bob k3 | 1,1,0,1", warm);

            // The writer's orphan check expands the warm index too: removing Alice is refused because of her live
            // edge k2 (never the deleted k1); once Dan's last live edge goes, removing him leaves no orphan.
            var refused = await ErrorAssert.ThrowsAsync(ErrorCodes.OrphanEdge, () => host.WriteAsync(TableWrite.Delete("node:Person", KeyBatch.Of("Alice"))));
            Assert.Equal("k2", refused.Get(ErrorDetail.EdgeId));
            await host.WriteAsync(TableWrite.Delete("edge:Knows", KeyBatch.Of("k5")));
            await host.WriteAsync(TableWrite.Delete("node:Person", KeyBatch.Of("Dan")));
            Assert.Equal("Alice>Carol k2,Bob>Carol k3 | Carol<Alice k2,Carol<Bob k3 | 1,1,0,0", await ReadAllAsync(host));
        }

        await using var cold = await GraphHost.StartAsync(store);
        Assert.Equal("Alice>Carol k2,Bob>Carol k3 | Carol<Alice k2,Carol<Bob k3 | 1,1,0,0", await ReadAllAsync(cold));
    }

    /// <summary>Outgoing and incoming expansions of every person, then their out-degrees, as one line.</summary>
    private static async Task<string> ReadAllAsync(GraphHost host)
    {
        var knows = (await host.HeadAsync()).GetTable("edge:Knows");
        var grain = host.Table("edge:Knows");
        var outgoing = await grain.ExpandAsync(knows, EdgeDirection.Outgoing, s_people);
        var incoming = await grain.ExpandAsync(knows, EdgeDirection.Incoming, s_people);
        var degrees = await grain.CountOutgoingAsync(knows, s_people);
        return $"{Render(outgoing, ">")} | {Render(incoming, "<")} | {string.Join(",", degrees)}";
    }

    private static string Render(EdgeExpansion expansion, string arrow) =>
        string.Join(",", Enumerable.Range(0, expansion.Count).Select(i => $"{s_people.GetString(expansion.InputPositions[i])}{arrow}{expansion.NeighbourIds.GetString(i)} {expansion.EdgeIds.GetString(i)}"));
}
