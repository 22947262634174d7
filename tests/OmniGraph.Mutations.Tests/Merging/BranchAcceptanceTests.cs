using OmniGraph.Abstractions;
using OmniGraph.Mutations.Tests.Support;
using OmniGraph.Testing.Assertions;

namespace OmniGraph.Mutations.Tests.Merging;

/// <summary>
/// Branch and merge acceptance cases with real mutations and loads: isolation and inheritance (AC-39), outcomes and the
/// merge commit's lineage (AC-40), constraint conflicts of the merged graph (AC-42).
/// </summary>
public sealed class BranchAcceptanceTests
{
    private const string UniqueSchema = """
        node User {
            name: String @key
            email: String?
            @unique(email)
        }
        """;

    private const string UniqueEdgeSchema = """
        node Person { name: String @key }
        edge Knows: Person -> Person { @unique(src, dst) }
        """;

    private const string CardinalitySchema = """
        node Person { name: String @key }
        node Company { name: String @key }
        edge WorksAt: Person -> Company @card(0..1)
        """;

    private const string EdgeQueries = """
        query knows($from: String, $to: String) { insert Knows { from: $from, to: $to } }
        query works_at($person: String, $company: String) { insert WorksAt { from: $person, to: $company } }
        query drop_person($name: String) { delete Person where name = $name }
        """;

    [Fact]
    public async Task Branches_AreIsolated_InheritFromTheirSource_AndMergeForward()
    {
        await using var host = await MutationHost.StandardAsync();
        await host.Client.CreateBranchAsync("feature");
        Assert.Equal(["main", "feature"], (await host.Client.ListBranchesAsync()).Select(static b => b.Name));
        Assert.Equal(4, (await host.RowsAsync("node:Person", await host.HeadAsync("feature"))).Count);

        await host.MutateAsync("insert_person", """{"name":"Eve","age":22}""", branch: "feature");
        await host.LoadAsync("""{"type":"Person","data":{"name":"Frank","age":33}}""", GraphLoadMode.Append, "feature");
        Assert.DoesNotContain("Eve", await host.IdsAsync("node:Person"));
        Assert.Equal(["Alice", "Bob", "Charlie", "Diana", "Eve", "Frank"], Ids(await host.RowsAsync("node:Person", await host.HeadAsync("feature"))));

        await host.Client.CreateBranchAsync("experiment", "feature");
        Assert.Equal(["main", "experiment", "feature"], (await host.Client.ListBranchesAsync()).Select(static b => b.Name));
        Assert.Contains("Eve", Ids(await host.RowsAsync("node:Person", await host.HeadAsync("experiment"))));

        await host.MutateAsync("set_age", """{"name":"Bob","age":26}""", branch: "feature");
        var merge = await host.Client.MergeBranchAsync(new BranchMergeRequest("feature", "experiment"));
        Assert.Equal(BranchMergeOutcome.FastForward, merge.Outcome);
        var experiment = await host.RowsAsync("node:Person", await host.HeadAsync("experiment"));
        Assert.Equal("26", experiment.Single(static p => p.Id == "Bob")["age"]);
        Assert.Equal("25", (await host.FindAsync("node:Person", "Bob"))!["age"]);

        await host.MutateAsync("add_friend", """{"from":"Alice","to":"Diana"}""", branch: "feature");
        Assert.Equal(["Bob", "Charlie"], await host.TargetsAsync("edge:Knows", "Alice"));
        Assert.Equal(BranchMergeOutcome.FastForward, (await host.Client.MergeBranchAsync(new BranchMergeRequest("feature"))).Outcome);
        Assert.Equal(["Bob", "Charlie", "Diana"], await host.TargetsAsync("edge:Knows", "Alice"));
        Assert.Equal(["Alice", "Bob", "Charlie", "Diana", "Eve", "Frank"], await host.IdsAsync("node:Person"));
    }

    [Fact]
    public async Task ADeletedBranchNameStartsAfresh()
    {
        await using var host = await MutationHost.StandardAsync();
        await host.Client.CreateBranchAsync("feature");
        await host.MutateAsync("insert_person", """{"name":"Eve","age":22}""", branch: "feature");
        await host.Client.DeleteBranchAsync("feature");
        Assert.Equal(["main"], (await host.Client.ListBranchesAsync()).Select(static b => b.Name));

        await host.Client.CreateBranchAsync("feature");
        await host.MutateAsync("insert_person", """{"name":"Frank","age":40}""", branch: "feature");
        Assert.Equal(["Alice", "Bob", "Charlie", "Diana", "Frank"], Ids(await host.RowsAsync("node:Person", await host.HeadAsync("feature"))));
    }

    [Fact]
    public async Task Outcomes_UpToDate_Merged_AndIdenticalChangesOnBothSides()
    {
        await using var host = await MutationHost.StandardAsync();
        await host.Client.CreateBranchAsync("feature");
        var head = (await host.HeadAsync()).Commit.Id;
        var upToDate = await host.Client.MergeBranchAsync(new BranchMergeRequest("feature"));
        Assert.Equal((BranchMergeOutcome.AlreadyUpToDate, (CommitInfo?)null), (upToDate.Outcome, upToDate.Commit));
        Assert.Equal(head, (await host.HeadAsync()).Commit.Id);

        await host.MutateAsync("set_age", """{"name":"Bob","age":26}""");
        await host.MutateAsync("insert_person", """{"name":"Eve","age":22}""", branch: "feature");
        await host.MutateAsync("set_age", """{"name":"Alice","age":31}""");
        await host.MutateAsync("set_age", """{"name":"Alice","age":31}""", branch: "feature");
        var merged = await host.Client.MergeBranchAsync(new BranchMergeRequest("feature") { Actor = "act-ragnor" });

        Assert.Equal(BranchMergeOutcome.Merged, merged.Outcome);
        Assert.Equal("26", (await host.FindAsync("node:Person", "Bob"))!["age"]);
        Assert.Equal("31", (await host.FindAsync("node:Person", "Alice"))!["age"]);
        Assert.NotNull(await host.FindAsync("node:Person", "Eve"));
        var latest = (await host.Client.ListCommitsAsync(limit: 1)).Commits.Single();
        Assert.Equal(merged.Commit!.ToOutput(), latest);
        Assert.Equal((await host.HeadAsync("feature")).Commit.Id, latest.MergedParentCommitId);
        Assert.Equal("act-ragnor", latest.ActorId);
    }

    /// <summary>List values compare as typed values: <c>["a, b"]</c> and <c>["a","b"]</c> render alike but differ.</summary>
    [Fact]
    public async Task ListValues_CompareAsTypedValues()
    {
        const string schema = """
            node Doc {
                slug: String @key
                tags: [String]
            }
            """;
        await using var host = await MutationHost.InitAsync(schema, """{"type":"Doc","data":{"slug":"x","tags":["a, b"]}}""");
        Assert.Equal("[a, b]", (await host.FindAsync("node:Doc", "x"))!["tags"]);
        await host.Client.CreateBranchAsync("feature");
        await host.LoadAsync("""{"type":"Doc","data":{"slug":"x","tags":["a","b"]}}""", GraphLoadMode.Merge, "feature");
        await host.LoadAsync("""{"type":"Doc","data":{"slug":"y","tags":["z"]}}""", GraphLoadMode.Merge);

        var merge = await host.Client.MergeBranchAsync(new BranchMergeRequest("feature"));

        Assert.Equal(BranchMergeOutcome.Merged, merge.Outcome);
        Assert.Equal("[a,b]", (await host.FindAsync("node:Doc", "x"))!["tags"]);
        Assert.Equal([new TableMergeSummary("node:Doc", 0, 1, 0)], merge.Tables.AsEnumerable());
    }

    [Fact]
    public async Task UniqueValuesTakenOnBothSides_Conflict_DistinctPairsMerge()
    {
        await using (var host = await MutationHost.InitAsync(UniqueSchema, """{"type":"User","data":{"name":"Alice","email":"alice@x"}}"""))
        {
            await host.Client.CreateBranchAsync("feature");
            await host.LoadAsync("""{"type":"User","data":{"name":"Bob","email":"dup@x"}}""", GraphLoadMode.Append);
            await host.LoadAsync("""{"type":"User","data":{"name":"Carol","email":"dup@x"}}""", GraphLoadMode.Append, "feature");
            var conflict = Assert.Single((await host.Client.MergeBranchAsync(new BranchMergeRequest("feature"))).Conflicts);
            Assert.Equal(("node:User", MergeConflictKind.Unique), (conflict.Table, conflict.Kind));
        }

        await using (var host = await MutationHost.InitAsync(UniqueEdgeSchema, People("Alice", "Bob", "Carol")))
        {
            await host.Client.CreateBranchAsync("feature");
            await host.MutateAsync("knows", """{"from":"Alice","to":"Bob"}""", EdgeQueries);
            await host.MutateAsync("knows", """{"from":"Alice","to":"Bob"}""", EdgeQueries, "feature");
            var conflict = Assert.Single((await host.Client.MergeBranchAsync(new BranchMergeRequest("feature"))).Conflicts);
            Assert.Equal(("edge:Knows", MergeConflictKind.Unique), (conflict.Table, conflict.Kind));
        }

        await using (var host = await MutationHost.InitAsync(UniqueEdgeSchema, People("Alice", "Bob", "Carol")))
        {
            await host.Client.CreateBranchAsync("feature");
            await host.MutateAsync("knows", """{"from":"Alice","to":"Bob"}""", EdgeQueries);
            await host.MutateAsync("knows", """{"from":"Alice","to":"Carol"}""", EdgeQueries, "feature");
            Assert.Equal(BranchMergeOutcome.Merged, (await host.Client.MergeBranchAsync(new BranchMergeRequest("feature"))).Outcome);
            Assert.Equal(2, (await host.RowsAsync("edge:Knows")).Count);
        }
    }

    [Fact]
    public async Task CardinalityOfTheMergedGraph_IsChecked()
    {
        await using var host = await MutationHost.InitAsync(CardinalitySchema, People("Alice") + "\n" + """
            {"type":"Company","data":{"name":"Acme"}}
            {"type":"Company","data":{"name":"Beta"}}
            """);
        await host.Client.CreateBranchAsync("feature");
        await host.MutateAsync("works_at", """{"person":"Alice","company":"Acme"}""", EdgeQueries);
        await host.MutateAsync("works_at", """{"person":"Alice","company":"Beta"}""", EdgeQueries, "feature");

        var merge = await host.Client.MergeBranchAsync(new BranchMergeRequest("feature"));

        var conflict = Assert.Single(merge.Conflicts);
        Assert.Equal(("edge:WorksAt", MergeConflictKind.Cardinality, "Alice"), (conflict.Table, conflict.Kind, conflict.EntityId));
        Assert.Single(await host.RowsAsync("edge:WorksAt"));
    }

    [Fact]
    public async Task MainIntoABranch_ValidatesAdoptedEdgesAgainstTheBranchsDeletes()
    {
        await using var host = await MutationHost.InitAsync(UniqueEdgeSchema, People("Alice", "Bob", "Carol"));
        await host.Client.CreateBranchAsync("feature");
        await host.MutateAsync("knows", """{"from":"Alice","to":"Bob"}""", EdgeQueries);
        await host.MutateAsync("drop_person", """{"name":"Bob"}""", EdgeQueries, "feature");

        var merge = await host.Client.MergeBranchAsync(new BranchMergeRequest(BranchNames.Main, "feature"));

        var conflict = Assert.Single(merge.Conflicts);
        Assert.Equal(("edge:Knows", MergeConflictKind.OrphanEdge), (conflict.Table, conflict.Kind));
        await GraphAssertions.ConsistentAsync(host, "feature");
    }

    private static string People(params string[] names) =>
        string.Join("\n", names.Select(static n => $$$"""{"type":"Person","data":{"name":"{{{n}}}"}}"""));

    private static List<string> Ids(IReadOnlyList<OmniGraph.Testing.Tables.StoredRow> rows) => [.. rows.Select(static r => r.Id)];
}
