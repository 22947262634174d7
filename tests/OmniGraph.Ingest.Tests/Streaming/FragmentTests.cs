using System.Text;
using OmniGraph.Arrow;
using OmniGraph.Ingest.Tests.Support;
using OmniGraph.Schema;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Ingest.Tests.Streaming;

/// <summary>Fragments: cut by rows or bytes, emitted while the input streams, laid out by <see cref="TableLayout"/>.</summary>
public sealed class FragmentTests
{
    private static string People(int count, int firstLine = 0) =>
        string.Join("\n", Enumerable.Range(firstLine, count).Select(i => $$$"""{"type":"Person","data":{"name":"p{{{i}}}","age":{{{i}}}}}"""));

    [Fact]
    public void Fragments_AreCutByRowCount()
    {
        var run = IntakeRun.Load(Schemas.Test, People(10), options: new JsonlIntakeOptions { FragmentMaxRows = 3 });

        Assert.Equal([3, 3, 3, 1], run.Fragments.Select(f => f.RowCount));
        Assert.Equal([0, 1, 2, 3], run.Fragments.Select(f => f.Index));
        Assert.Equal([0, 3, 6, 9], run.Fragments.Select(f => f.FirstRowOrdinal));
        Assert.Equal([4L, 5L, 6L], run.Fragments[1].LineNumbers.ToArray());
        Assert.Equal(4, run.Summary("node:Person").FragmentCount);
    }

    [Fact]
    public void Fragments_AreCutByEstimatedBytes()
    {
        var run = IntakeRun.Load(Schemas.Test, People(100), options: new JsonlIntakeOptions { FragmentMaxBytes = 200 });

        Assert.True(run.Fragments.Count > 5, $"{run.Fragments.Count} fragments");
        Assert.Equal(100, run.Fragments.Sum(f => f.RowCount));
        Assert.All(run.Fragments, f => Assert.True(f.RowCount < 100));
    }

    [Fact]
    public void FullFragments_AreAvailableBeforeComplete()
    {
        var intake = new JsonlIntake(Schemas.Test, LoadMode.Overwrite, new JsonlIntakeOptions { FragmentMaxRows = 2 });
        intake.Feed(Encoding.UTF8.GetBytes(People(5) + "\n"));

        Assert.Equal(2, intake.PendingFragmentCount);
        Assert.True(intake.TryTakeFragment(out var first));
        Assert.Equal(2, first.RowCount);
        intake.Complete();
        Assert.Equal(2, intake.PendingFragmentCount);
    }

    [Fact]
    public void Fragments_FollowTheTableLayout()
    {
        var run = IntakeRun.Load(Schemas.Test, AcceptanceFixtures.TestData);

        foreach (var fragment in run.Fragments)
        {
            Assert.Same(TableLayout.For(fragment.Type), fragment.Layout);
            Assert.Equal(fragment.Layout.Schema, fragment.Batch.Schema);
        }

        // The last, partial fragments are emitted at Complete in table order: node tables by name, then edge tables by name.
        Assert.Equal(["node:Company", "node:Person", "edge:Knows", "edge:WorksAt"], run.Fragments.Select(f => f.TableName));
    }

    [Fact]
    public void InterleavedTypes_FillTheirOwnFragments()
    {
        var lines = Enumerable.Range(0, 6).SelectMany(i => new[]
        {
            $$$"""{"type":"Person","data":{"name":"p{{{i}}}"}}""",
            $$$"""{"edge":"Knows","from":"p{{{i}}}","to":"p0"}""",
        });
        var run = IntakeRun.Load(Schemas.Test, string.Join("\n", lines), options: new JsonlIntakeOptions { FragmentMaxRows = 4 });

        Assert.Equal([1L, 3L, 5L, 7L], run.Fragments.First(f => f.TableName == "node:Person").LineNumbers.ToArray());
        Assert.Equal(["p0", "p1", "p2", "p3", "p4", "p5"], run.Values("node:Person", "name"));
        Assert.Equal(6, run.Summary("edge:Knows").RowCount);
    }

    [Fact]
    public void Result_ListsTypesSortedByName()
    {
        var catalog = SchemaCatalog.Compile("node Zeta { n: String @key }  node Alpha { n: String @key }  edge Yes: Zeta -> Alpha  edge Aye: Alpha -> Zeta");
        var run = IntakeRun.Load(catalog, """
            {"edge":"Yes","from":"z","to":"a"}
            {"type":"Zeta","data":{"n":"z"}}
            {"edge":"Aye","from":"a","to":"z"}
            {"type":"Alpha","data":{"n":"a"}}
            {"type":"Alpha","data":{"n":"b"}}
            """);

        Assert.Equal([new TypeEntityCount("Alpha", 2), new TypeEntityCount("Zeta", 1)], run.Result.Nodes.ToArray());
        Assert.Equal([new TypeEntityCount("Aye", 1), new TypeEntityCount("Yes", 1)], run.Result.Edges.ToArray());
        Assert.Equal(5, run.Result.TotalEntities);
        Assert.Equal(["node:Alpha", "node:Zeta", "edge:Aye", "edge:Yes"], run.Result.Tables.Select(t => t.TableName));
    }

    [Fact]
    public void Columns_HoldNoValidityBitmapWithoutNulls()
    {
        var run = IntakeRun.Load(Schemas.Test, People(3));
        var batch = run.Table("node:Person");

        Assert.Equal(0, batch.Column("age").NullCount);
        Assert.IsType<PrimitiveColumn<int>>(batch.Column("age"));
    }
}
