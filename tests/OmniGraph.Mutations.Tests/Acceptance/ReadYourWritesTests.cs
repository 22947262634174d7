using OmniGraph.Mutations.Tests.Support;

namespace OmniGraph.Mutations.Tests.Acceptance;

/// <summary>AC-31: statements see earlier statements' writes, and a query publishes exactly one commit.</summary>
public sealed class ReadYourWritesTests
{
    [Fact]
    public async Task InsertThenUpdate_OfTheSameNode_CoalescesIntoOneCommit()
    {
        await using var host = await MutationHost.StandardAsync();
        var before = await host.HeadAsync();
        const string source = """
            query q($name: String, $insert_age: I32, $update_age: I32) {
                insert Person { name: $name, age: $insert_age }
                update Person set { age: $update_age } where name = $name
            }
            """;

        var change = await host.RunAsync(source, """{"name":"Yves","insert_age":10,"update_age":99}""");

        Assert.Equal(2, change.AffectedNodes);
        Assert.Equal("99", (await host.FindAsync("node:Person", "Yves"))!["age"]);
        Assert.Equal(before.ManifestVersion + 1, (await host.HeadAsync()).ManifestVersion);
    }

    [Fact]
    public async Task ChainedUpdates_SeeTheIntermediateValue()
    {
        await using var host = await MutationHost.StandardAsync();
        var before = await host.HeadAsync();
        const string source = """
            query q($n: String, $a: I32, $b: I32, $t: I32) {
                update Person set { age: $a } where name = $n
                update Person set { age: $b } where age > $t
            }
            """;

        var change = await host.RunAsync(source, """{"n":"Alice","a":99,"b":10,"t":50}""");

        Assert.Equal(2, change.AffectedNodes);
        var ages = (await host.RowsAsync("node:Person")).ToDictionary(static r => r.Id, static r => r["age"]);
        Assert.Equal("10", ages["Alice"]);
        Assert.Equal("35", ages["Charlie"]);
        Assert.Equal(before.ManifestVersion + 1, (await host.HeadAsync()).ManifestVersion);
    }

    [Fact]
    public async Task LaterUpdate_DoesNotMatchARowWhoseValueAnEarlierOneChanged()
    {
        await using var host = await MutationHost.StandardAsync();
        const string source = """
            query q() {
                update Person set { age: 20 } where name = "Charlie"
                update Person set { age: 77 } where age > 30
            }
            """;

        var change = await host.RunAsync(source);

        // Charlie (35 committed) is 20 by the time the second statement runs; nobody else is over 30.
        Assert.Equal(1, change.AffectedNodes);
        Assert.Equal("20", (await host.FindAsync("node:Person", "Charlie"))!["age"]);
    }

    [Fact]
    public async Task TwoEdgeInserts_InOneQuery_BothLand_AsOneCommit()
    {
        await using var host = await MutationHost.StandardAsync();
        await host.MutateAsync("insert_person", """{"name":"Eve","age":22}""");
        var before = await host.HeadAsync();
        var knows = (await host.RowsAsync("edge:Knows")).Count;
        const string source = "query q($from: String, $a: String, $b: String) { insert Knows { from: $from, to: $a }  insert Knows { from: $from, to: $b } }";

        var change = await host.RunAsync(source, """{"from":"Alice","a":"Bob","b":"Eve"}""");

        Assert.Equal(2, change.AffectedEdges);
        Assert.Equal(knows + 2, (await host.RowsAsync("edge:Knows")).Count);
        Assert.Equal(2, (await host.RowsAsync("edge:Knows")).Count(static r => r.Source == "Alice" && r.Target == "Bob"));
        Assert.Equal(before.ManifestVersion + 1, (await host.HeadAsync()).ManifestVersion);
    }

    [Fact]
    public async Task TwoNodeDeletes_InOneQuery_AreOneCommit()
    {
        await using var host = await MutationHost.StandardAsync();
        var before = await host.HeadAsync();
        const string source = "query q($first: String, $second: String) { delete Person where name = $first  delete Person where name = $second }";

        var change = await host.RunAsync(source, """{"first":"Alice","second":"Bob"}""");

        Assert.Equal(2, change.AffectedNodes);
        Assert.Equal(["Charlie", "Diana"], await host.IdsAsync("node:Person"));
        Assert.Equal(before.ManifestVersion + 1, (await host.HeadAsync()).ManifestVersion);
    }

    [Fact]
    public async Task CascadeThenExplicitEdgeDelete_OnTheSameTable_RemoveEverything()
    {
        await using var host = await MutationHost.StandardAsync();
        const string source = "query q($name: String, $other: String) { delete Person where name = $name  delete Knows where from = $other }";

        var change = await host.RunAsync(source, """{"name":"Alice","other":"Bob"}""");

        Assert.Empty(await host.RowsAsync("edge:Knows"));
        Assert.Equal((1, 4), (change.AffectedNodes, change.AffectedEdges));
    }

    [Fact]
    public async Task ExplicitEdgeDelete_ThenCascadeOverTheSameEdges_CountsThemOnce()
    {
        await using var host = await MutationHost.StandardAsync();
        const string source = """query q() { delete Knows where from = "Alice"  delete Person where name = "Alice" }""";

        var change = await host.RunAsync(source);

        Assert.Equal((1, 3), (change.AffectedNodes, change.AffectedEdges));
    }
}
