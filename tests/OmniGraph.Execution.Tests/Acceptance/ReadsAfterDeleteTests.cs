using OmniGraph.Execution.Tests.Support;

namespace OmniGraph.Execution.Tests.Acceptance;

/// <summary>
/// Queries, then deletes, then the same queries on the same warm grains: the table grains keep the indexes built for
/// the first answers and carry them to the versions the deletes publish, so only the deletion masks keep deleted edges
/// and replaced or deleted rows out. Every query shape — expansions each way, undirected and multi-hop, two hops, a
/// cycle-closing join, edge bindings, neighbour counts, anti-joins, key, <c>@index</c>, <c>@unique</c> and filtered
/// scans — must answer exactly as a graph loaded with only the surviving rows.
/// </summary>
[Collection(QueryClusterCollection.Name)]
public sealed class ReadsAfterDeleteTests(QueryCluster cluster)
{
    private const string Schema = """
        node Person { name: String @key  age: I32?  city: String? @index  email: String? @unique }
        edge Knows: Person -> Person { weight: I32? }
        """;

    // Alice -> Bob twice (parallel), a triangle Alice -> Bob -> Carol -> Alice, Erin's self-loop.
    private const string Data = """
        {"type":"Person","data":{"name":"Alice","age":30,"city":"Oslo","email":"a@x"}}
        {"type":"Person","data":{"name":"Bob","age":25,"city":"Bergen","email":"b@x"}}
        {"type":"Person","data":{"name":"Carol","age":35,"city":"Oslo","email":"c@x"}}
        {"type":"Person","data":{"name":"Dave","age":28,"email":"d@x"}}
        {"type":"Person","data":{"name":"Erin","age":41,"city":"Bergen"}}
        {"edge":"Knows","from":"Alice","to":"Bob","data":{"weight":1}}
        {"edge":"Knows","from":"Alice","to":"Bob","data":{"weight":2}}
        {"edge":"Knows","from":"Bob","to":"Carol","data":{"weight":3}}
        {"edge":"Knows","from":"Carol","to":"Alice","data":{"weight":4}}
        {"edge":"Knows","from":"Carol","to":"Dave","data":{"weight":5}}
        {"edge":"Knows","from":"Dave","to":"Alice","data":{"weight":6}}
        {"edge":"Knows","from":"Erin","to":"Erin","data":{"weight":7}}
        {"edge":"Knows","from":"Bob","to":"Alice","data":{"weight":8}}
        """;

    /// <summary>
    /// What the mutations below leave: Carol deleted (with her four edges), the parallel twin and Bob -> Alice deleted,
    /// Erin -> Bob inserted then deleted, Alice and Bob moved, Dave's email changed.
    /// </summary>
    private const string Survivors = """
        {"type":"Person","data":{"name":"Alice","age":30,"city":"Bergen","email":"a@x"}}
        {"type":"Person","data":{"name":"Bob","age":25,"city":"Oslo","email":"b@x"}}
        {"type":"Person","data":{"name":"Dave","age":28,"email":"dd@x"}}
        {"type":"Person","data":{"name":"Erin","age":41,"city":"Bergen"}}
        {"edge":"Knows","from":"Alice","to":"Bob","data":{"weight":1}}
        {"edge":"Knows","from":"Dave","to":"Alice","data":{"weight":6}}
        {"edge":"Knows","from":"Erin","to":"Erin","data":{"weight":7}}
        """;

    private const string Mutations = """
        query cut() { delete Knows where weight = 2  delete Knows where weight = 8 }
        query drop($name: String) { delete Person where name = $name }
        query link($from: String, $to: String, $weight: I32) { insert Knows { from: $from, to: $to, weight: $weight } }
        query unlink($weight: I32) { delete Knows where weight = $weight }
        query move($name: String, $city: String) { update Person set { city: $city } where name = $name }
        query reach_out($name: String, $email: String) { update Person set { email: $email } where name = $name }
        """;

    private const string Queries = """
        query friends($name: String) { match { $p: Person { name: $name }  $p knows $f } return { $f.name } }
        query followers($name: String) { match { $f: Person { name: $name }  $p knows $f } return { $p.name } }
        query around($name: String) { match { $p: Person { name: $name }  $p <knows> $f } return { $f.name } }
        query reach($name: String) { match { $p: Person { name: $name }  $p knows{1,3} $f } return { $f.name } }
        query reached_by($name: String) { match { $p: Person { name: $name }  $f knows{1,3} $p } return { $f.name } }
        query far($name: String) { match { $p: Person { name: $name }  $p <knows>{2,3} $f } return { $f.name } }
        query fof($name: String) { match { $p: Person { name: $name }  $p knows $m  $m knows $f } return { $m.name, $f.name } }
        query triangles() { match { $a: Person  $a knows $b  $b knows $c  $c knows $a } return { $a.name, $b.name, $c.name } }
        query links() { match { $p: Person  $p $w:knows $f } return { $p.name, $f.name, $w.weight } }
        query heavy_links() { match { $p: Person  $p $w:<knows> $f  $w.weight >= 2 } return { $p.name, $f.name, $w.weight } }
        query degree() { match { $p: Person  $p knows $f } return { $p.name, count($f) as n } }
        query in_degree() { match { $p: Person  $f knows $p } return { $p.name, count($f) as n } }
        query reach_count() { match { $p: Person  $p <knows>{1,2} $f } return { $p.name, count($f) as n } }
        query edge_count() { match { $p: Person  $p $w:knows $f } return { $p.name, count($w) as n } }
        query loners() { match { $p: Person  not { $p knows $_ } } return { $p.name } }
        query unknown() { match { $p: Person  not { $_ knows $p } } return { $p.name } }
        query isolated() { match { $p: Person  not { $p <knows>{1,2} $_ } } return { $p.name } }
        query person($name: String) { match { $p: Person { name: $name } } return { $p.name, $p.city, $p.email } }
        query in_city($city: String) { match { $p: Person { city: $city } } return { $p.name } }
        query city_friends($city: String) { match { $p: Person { city: $city }  $p knows $f } return { $p.name, $f.name } }
        query by_email($email: String) { match { $p: Person { email: $email } } return { $p.name } }
        query older($age: I32) { match { $p: Person  $p.age > $age } return { $p.name, $p.city } }
        query everyone() { match { $p: Person } return { $p.name, $p.city, $p.email } }
        query headcount() { match { $p: Person } return { count($p) as n } }
        """;

    /// <summary>Every query with the parameters it runs with.</summary>
    private static readonly (string Name, string? Parameters)[] s_runs =
    [
        ("friends", """{"name":"Alice"}"""),
        ("friends", """{"name":"Bob"}"""),
        ("followers", """{"name":"Alice"}"""),
        ("followers", """{"name":"Bob"}"""),
        ("around", """{"name":"Alice"}"""),
        ("around", """{"name":"Bob"}"""),
        ("reach", """{"name":"Alice"}"""),
        ("reach", """{"name":"Erin"}"""),
        ("reached_by", """{"name":"Alice"}"""),
        ("reached_by", """{"name":"Bob"}"""),
        ("far", """{"name":"Dave"}"""),
        ("fof", """{"name":"Alice"}"""),
        ("fof", """{"name":"Dave"}"""),
        ("triangles", null),
        ("links", null),
        ("heavy_links", null),
        ("degree", null),
        ("in_degree", null),
        ("reach_count", null),
        ("edge_count", null),
        ("loners", null),
        ("unknown", null),
        ("isolated", null),
        ("person", """{"name":"Carol"}"""),
        ("person", """{"name":"Bob"}"""),
        ("in_city", """{"city":"Oslo"}"""),
        ("in_city", """{"city":"Bergen"}"""),
        ("city_friends", """{"city":"Oslo"}"""),
        ("city_friends", """{"city":"Bergen"}"""),
        ("by_email", """{"email":"c@x"}"""),
        ("by_email", """{"email":"d@x"}"""),
        ("by_email", """{"email":"dd@x"}"""),
        ("older", """{"age":26}"""),
        ("everyone", null),
        ("headcount", null),
    ];

    [Fact]
    public async Task EveryQueryShape_AfterDeletesOnWarmGrains_AnswersAsAGraphWithOnlyTheSurvivors()
    {
        var graph = await cluster.NewGraphAsync(Schema, Data);
        var before = await AnswerAllAsync(graph);
        Assert.Equal("Alice|Bob|Carol\nBob|Carol|Alice\nCarol|Alice|Bob\nErin|Erin|Erin", before["triangles"]);

        // Each mutation publishes its own version; the warm grains answer in between, so the indexes they carry over
        // hold both the deleted base rows and the rows added (then deleted) since.
        await graph.MutateAsync(Mutations, "cut");
        await AnswerAllAsync(graph);
        await graph.MutateAsync(Mutations, "link", """{"from":"Erin","to":"Bob","weight":9}""");
        Assert.Equal("Alice\nBob\nCarol\nDave\nErin", (await AnswerAllAsync(graph))["reach {\"name\":\"Erin\"}"]);
        await graph.MutateAsync(Mutations, "drop", """{"name":"Carol"}""");
        await AnswerAllAsync(graph);
        await graph.MutateAsync(Mutations, "unlink", """{"weight":9}""");
        await graph.MutateAsync(Mutations, "move", """{"name":"Alice","city":"Bergen"}""");
        await graph.MutateAsync(Mutations, "move", """{"name":"Bob","city":"Oslo"}""");
        await graph.MutateAsync(Mutations, "reach_out", """{"name":"Dave","email":"dd@x"}""");

        var after = await AnswerAllAsync(graph);
        var expected = await AnswerAllAsync(await cluster.NewGraphAsync(Schema, Survivors));
        Assert.All(expected, pair => Assert.True(pair.Value == after[pair.Key], $"{pair.Key}:\nexpected\n{pair.Value}\nwarm grains answered\n{after[pair.Key]}"));

        // A few of the answers spelled out.
        Assert.Equal("Bob", after["friends {\"name\":\"Alice\"}"]);
        Assert.Equal("Erin|Erin|Erin", after["triangles"]);
        Assert.Equal("Bob", after["loners"]);
        Assert.Equal("Bob", after["in_city {\"city\":\"Oslo\"}"]);
        Assert.Equal(string.Empty, after["by_email {\"email\":\"d@x\"}"]);
        Assert.Equal("4", after["headcount"]);
    }

    /// <summary>Every run of <see cref="s_runs"/>: its rows as sorted lines (row order is unspecified without <c>order</c>).</summary>
    private static async Task<Dictionary<string, string>> AnswerAllAsync(TestGraph graph)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, parameters) in s_runs)
        {
            var result = await graph.QueryAsync(Queries, parameters, name);
            answers[parameters is null ? name : $"{name} {parameters}"] = string.Join("\n", result.Lines().Order(StringComparer.Ordinal));
        }

        return answers;
    }
}
