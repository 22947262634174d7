using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Arrow;
using OmniGraph.Abstractions;
using OmniGraph.Execution.Tests.Support;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Query;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Execution.Tests.Querying;

/// <summary>
/// Reads through <see cref="IQueryGrain"/>: snapshot pinning and time travel, projections of every expression kind,
/// ordering by aliases and unreturned properties, parameters (optional, missing, <c>now()</c>), and typed errors.
/// </summary>
[Collection(QueryClusterCollection.Name)]
public sealed class QueryGrainTests(QueryCluster cluster)
{
    private const string Count = "query n() { match { $p: Person } return { count($p) as n } }";

    private Task<TestGraph> StdAsync() => cluster.NewGraphAsync(AcceptanceFixtures.TestSchema, AcceptanceFixtures.TestData);

    [Fact]
    public async Task Snapshot_ByCommitOrVersion_ReadsThatVersion()
    {
        var graph = await StdAsync();
        var first = await graph.QueryAsync(Count);
        await graph.LoadAsync("""{"type":"Person","data":{"name":"Eve","age":41}}""", GraphLoadMode.Append);

        var head = await graph.QueryAsync(Count);
        var byCommit = await graph.QueryAsync(Count, target: QueryTarget.AtSnapshot(first.Raw.GraphCommitId));
        var byVersion = await graph.QueryAsync(Count, target: QueryTarget.AtSnapshot($"v{first.Raw.ManifestVersion}"));
        var byBranchVersion = await graph.QueryAsync(Count, target: QueryTarget.AtSnapshot($"manifest:main:v{first.Raw.ManifestVersion}"));

        Assert.Equal(["5"], head.Lines());
        Assert.Equal(["4"], byCommit.Lines());
        Assert.Equal(first.Raw.GraphCommitId, byCommit.Raw.GraphCommitId);
        Assert.Equal(["4"], byVersion.Lines());
        Assert.Equal(["4"], byBranchVersion.Lines());
        Assert.NotEqual(first.Raw.GraphCommitId, head.Raw.GraphCommitId);
        Assert.Equal(first.Raw.ManifestVersion + 1, head.Raw.ManifestVersion);
    }

    /// <summary>A write paused just before it publishes is invisible; once published, the next read sees all of it.</summary>
    [Fact]
    public async Task ReadsNeverSeeAWriteBeforeItPublishes()
    {
        var graph = await StdAsync();
        var failpoints = cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<FailpointRegistry>();
        var pause = failpoints.Arm(Failpoints.CommitManifestPublish, FailpointAction.PauseBefore);
        try
        {
            var load = graph.LoadAsync("""
                {"type":"Person","data":{"name":"Eve","age":41}}
                {"edge":"Knows","from":"Eve","to":"Alice"}
                """, GraphLoadMode.Append);
            await pause.Fired.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(["3"], (await graph.QueryAsync("query q() { match { $p: Person  $p knows $f } return { count($p) as n } }")).Lines());
            Assert.Equal(["4"], (await graph.QueryAsync(Count)).Lines());
            pause.Release();
            await load;
        }
        finally
        {
            failpoints.DisarmAll();
        }

        Assert.Equal(["5"], (await graph.QueryAsync(Count)).Lines());
        Assert.Equal(["Alice"], (await graph.QueryAsync("query q() { match { $p: Person { name: \"Eve\" }  $p knows $f } return { $f.name } }")).First());
    }

    [Fact]
    public async Task Projections_OfVariablesParametersLiteralsAndAliases()
    {
        var graph = await StdAsync();
        var result = await graph.QueryAsync(
            "query q($tag: String, $limit: I32?) { match { $p: Person { name: \"Bob\" }  $p worksAt $c } return { $p, $c.name as company, $tag, 7, now(), company as again, $limit } }",
            """{"tag":"t1","__omnigraph_now":"2024-06-01T12:00:00Z"}""");

        Assert.Equal(["p", "company", "tag", "literal", "now", "again", "limit"], result.Columns);
        Assert.Equal(["Bob|Globex|t1|7|2024-06-01T12:00:00.000Z|Globex|null"], result.Lines());
        Assert.Equal(ArrowType.Int64, result.TypeOf("literal"));
        Assert.Equal(ArrowTypeId.Timestamp, result.TypeOf("now").Id);
        Assert.Equal(ArrowType.Int32, result.TypeOf("limit"));
    }

    [Fact]
    public async Task Ordering_ByAliasUnreturnedPropertyBareVariableAndLimit()
    {
        var graph = await StdAsync();
        Assert.Equal(["Charlie", "Alice"], (await graph.QueryAsync("query q() { match { $p: Person } return { $p.name as who } order { $p.age desc } limit 2 }")).First());
        Assert.Equal(["Diana", "Charlie", "Bob"], (await graph.QueryAsync("query q() { match { $p: Person } return { $p.name as who } order { who desc } limit 3 }")).First());
        Assert.Equal(["Alice", "Bob", "Charlie", "Diana"], (await graph.QueryAsync("query q() { match { $p: Person } return { $p } order { $p } }")).First());
        Assert.Equal(2, (await graph.QueryAsync("query q() { match { $p: Person } return { $p.name } limit 2 }")).Count);

        // Ties on the key fall back to the ids of every named variable by name: $c (company) before $p.
        var ties = await graph.QueryAsync("query q() { match { $p: Person  $c: Company } return { $p.name, $c.name } order { $p.age desc } limit 4 }");
        Assert.Equal(["Charlie|Acme", "Charlie|Globex", "Alice|Acme", "Alice|Globex"], ties.Lines());
    }

    [Fact]
    public async Task NowInReads_IsOneTimestampPerExecution()
    {
        var graph = await cluster.NewGraphAsync(AcceptanceFixtures.MetricSchema, AcceptanceFixtures.MetricData);
        var before = await graph.QueryAsync("query q() { match { $m: Metric  $m.seen < now() } return { $m.name } }");
        var pinned = await graph.QueryAsync("query q() { match { $m: Metric  $m.seen < now() } return { $m.name } }", """{"__omnigraph_now":"2024-01-01T00:00:00Z"}""");

        Assert.Equal(["m1", "m2", "m3", "m4"], before.FirstSet());
        Assert.Equal(["m2", "m4"], pinned.FirstSet());
    }

    [Fact]
    public async Task OptionalParameter_Null_MatchesNothing_AndMissingRequired_IsTyped()
    {
        var graph = await StdAsync();
        Assert.Equal(0, (await graph.QueryAsync("query q($a: I32?) { match { $p: Person  $p.age >= $a } return { $p.name } }")).Count);
        Assert.Equal(0, (await graph.QueryAsync("query q($a: I32?) { match { $p: Person { age: $a } } return { $p.name } }", """{"a":null}""")).Count);
        Assert.Equal(0, (await graph.QueryAsync("query q($n: String?) { match { $p: Person { name: $n } } return { $p.name } }")).Count);

        var missing = await Assert.ThrowsAsync<QueryException>(() => graph.QueryAsync("query q($a: I32) { match { $p: Person  $p.age >= $a } return { $p.name } }"));
        Assert.Equal(ErrorCodes.QueryParameterMissing, missing.Code);
    }

    [Fact]
    public async Task KeyLookup_WithAValueTheKeyTypeCannotHold_FindsNothing()
    {
        var graph = await cluster.NewGraphAsync("node Item { n: I32 @key  label: String? }", """
            {"type":"Item","data":{"n":2,"label":"two"}}
            {"type":"Item","data":{"n":3,"label":"three"}}
            """);
        Assert.Equal(["two"], (await graph.QueryAsync("query q($v: I64) { match { $i: Item { n: $v } } return { $i.label } }", """{"v":2}""")).First());
        Assert.Equal(0, (await graph.QueryAsync("query q($v: F64) { match { $i: Item { n: $v } } return { $i.label } }", """{"v":2.5}""")).Count);
        Assert.Equal(["two"], (await graph.QueryAsync("query q($v: F64) { match { $i: Item { n: $v } } return { $i.label } }", """{"v":2.0}""")).First());
        Assert.Equal(0, (await graph.QueryAsync("query q($v: I64) { match { $i: Item { n: $v } } return { $i.label } }", """{"v":9999999999}""")).Count);
    }

    [Fact]
    public async Task CompositeKeys_AreLookedUpByTheirCanonicalId()
    {
        var graph = await cluster.NewGraphAsync("node Task { project: String  number: I64  title: String  @key(project, number) }", """
            {"type":"Task","data":{"project":"acme","number":42,"title":"the answer"}}
            {"type":"Task","data":{"project":"acme","number":7,"title":"lucky"}}
            """);
        var result = await graph.QueryAsync("query q() { match { $t: Task { project: \"acme\", number: 42 } } return { $t.title, $t } }");

        Assert.Equal(["the answer|[\"acme\",\"42\"]"], result.Lines());
    }

    [Fact]
    public async Task Errors_AreTypedBeforeAnyRead()
    {
        var graph = await StdAsync();
        var mutation = await Assert.ThrowsAsync<QueryException>(() => graph.QueryAsync("query m($n: String) { insert Person { name: $n } }", """{"n":"x"}"""));
        Assert.Equal(ErrorCodes.QueryKindMismatch, mutation.Code);
        await ErrorAssert.ThrowsAsync(ErrorCodes.QueryInvalidTarget, () => graph.QueryAsync(Count, target: new QueryTarget("main", "1")));
        await ErrorAssert.ThrowsAsync(ErrorCodes.QueryInvalidTarget, () => graph.QueryAsync(Count, target: QueryTarget.AtSnapshot("manifest:main:vx")));
        await ErrorAssert.ThrowsAsync(ErrorCodes.SnapshotNotFound, () => graph.QueryAsync(Count, target: QueryTarget.AtSnapshot("99")));
        await ErrorAssert.ThrowsAsync(ErrorCodes.BranchNotFound, () => graph.QueryAsync(Count, target: QueryTarget.Head("nope")));
        var search = await Assert.ThrowsAsync<QueryTypeException>(() => graph.QueryAsync("query q($v: Vector(2)) { match { $p: Person } return { $p.name } order { nearest($p.name, $v) } limit 1 }"));
        Assert.Equal(TypeRule.T15, search.Rule);
    }

    [Fact]
    public async Task CrossJoinOfComponents_IsEveryCombination()
    {
        var graph = await StdAsync();
        var result = await graph.QueryAsync("query q() { match { $p: Person { name: \"Bob\" }  $c: Company  $o: Person  $o.age > 29 } return { $c.name, $o.name } }");

        Assert.Equal(["Acme|Alice", "Acme|Charlie", "Globex|Alice", "Globex|Charlie"], result.Lines().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CountOfEdgeVariable_WithEdgeFilter_CountsMatchingEdges()
    {
        var graph = await StdAsync();
        await graph.LoadAsync("""
            {"edge":"Knows","from":"Alice","to":"Bob","data":{"since":"2020-05-01"}}
            {"edge":"Knows","from":"Alice","to":"Diana","data":{"since":"2024-11-30"}}
            """, GraphLoadMode.Merge);
        var result = await graph.QueryAsync("query q() { match { $p: Person  $p $w:knows $f  $w.since >= date(\"2021-01-01\") } return { $p.name, count($w) as n } }");
        var all = await graph.QueryAsync("query q() { match { $p: Person  $p $w:knows $f } return { $p.name, count($w) as n } order { $p.name } }");

        Assert.Equal(["Alice|1"], result.Lines());
        Assert.Equal(["Alice|4", "Bob|1"], all.Lines());
    }

    [Fact]
    public async Task UnusualFilters_ConstantListsConstantsAndOuterRebindings()
    {
        var graph = await StdAsync();
        Assert.Equal(["Alice", "Diana"], (await graph.QueryAsync("query q() { match { $p: Person  [\"Diana\", \"Alice\", \"Zed\"] contains $p.name } return { $p.name } }")).FirstSet());
        Assert.Equal(["Alice", "Bob"], (await graph.QueryAsync("query q($names: [String]) { match { $p: Person  $names contains $p.name } return { $p.name } }", """{"names":["Bob","Alice"]}""")).FirstSet());
        Assert.Equal(["Bob", "Charlie", "Diana"], (await graph.QueryAsync("query q() { match { $p: Person  not { $p: Person { name: \"Alice\" } } } return { $p.name } }")).FirstSet());
        Assert.Equal(["Alice", "Charlie"], (await graph.QueryAsync("query q() { match { $p: Person  not { $p.age < 30 } } return { $p.name } }")).FirstSet());
        Assert.Equal(["Bob", "Diana"], (await graph.QueryAsync("query q() { match { $p: Person  $q: Person { name: \"Alice\" }  $p.age < $q.age } return { $p.name } }")).FirstSet());
    }

    /// <summary>A small limit over many rows selects the first rows with a bounded heap: the same rows, in the same order, as a full sort.</summary>
    [Fact]
    public async Task OrderWithASmallLimit_MatchesTheFullSort()
    {
        var lines = string.Join('\n', Enumerable.Range(0, 400).Select(static i =>
            "{\"type\":\"Item\",\"data\":{\"name\":\"item_" + ((i * 7919) % 400).ToString("D3", System.Globalization.CultureInfo.InvariantCulture)
            + "\",\"value\":" + (i % 13 == 0 ? "null" : (i % 17).ToString(System.Globalization.CultureInfo.InvariantCulture)) + "}}"));
        var graph = await cluster.NewGraphAsync("node Item { name: String @key  value: I32? }", lines);
        foreach (var order in new[] { "$i.value desc", "$i.value asc", "$i.value desc, $i.name desc", "$i" })
        {
            var full = (await graph.QueryAsync($"query q() {{ match {{ $i: Item }} return {{ $i.name, $i.value }} order {{ {order} }} }}")).Lines();
            var top = (await graph.QueryAsync($"query q() {{ match {{ $i: Item }} return {{ $i.name, $i.value }} order {{ {order} }} limit 7 }}")).Lines();
            Assert.Equal(full.Take(7), top);
        }
    }
}
