using OmniGraph.Mutations.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.IO;

namespace OmniGraph.Mutations.Tests.Acceptance;

/// <summary>AC-38, mutation parts: <c>@card</c> bounds are checked on edge inserts and edge deletes, against the latest committed state.</summary>
public sealed class CardinalityTests
{
    private const string AtMostOne = "node Person { name: String @key }  node Company { name: String @key }  edge WorksAt: Person -> Company @card(0..1)";
    private const string AtLeastOne = "node Person { name: String @key }  node Company { name: String @key }  edge WorksAt: Person -> Company @card(1..)";
    private const string Seed = """
        {"type":"Person","data":{"name":"Alice"}}
        {"type":"Company","data":{"name":"Acme"}}
        {"type":"Company","data":{"name":"Beta"}}
        """;

    private const string Hire = "query hire($person: String, $company: String) { insert WorksAt { from: $person, to: $company } }";

    [Fact]
    public async Task SecondEdge_OverTheMaximum_IsRefused()
    {
        await using var host = await MutationHost.InitAsync(AtMostOne, Seed);
        await host.RunAsync(Hire, """{"person":"Alice","company":"Acme"}""");

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.CardinalityViolation, () => host.RunAsync(Hire, """{"person":"Alice","company":"Beta"}"""));

        Assert.Contains("@card", error.Message, StringComparison.Ordinal);
        Assert.Equal("@card violation on edge WorksAt: source 'Alice' has 2 edges (max 1)", error.Message);
        Assert.Equal(["Alice->Acme"], await host.EdgesAsync("edge:WorksAt"));
    }

    /// <summary>Two silos on one directory: the second never read after the first wrote, and is still checked against the latest commit.</summary>
    [Fact]
    public async Task StaleHandle_IsCheckedAgainstTheLatestCommit()
    {
        using var directory = new TempDirectory();
        await using (var seed = await MutationHost.InitAsync(AtMostOne, Seed, new LocalDirectoryObjectStore(directory.Path)))
        {
        }

        await using var a = await MutationHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        await using var b = await MutationHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        await b.HeadAsync();

        await a.RunAsync(Hire, """{"person":"Alice","company":"Acme"}""");
        await ErrorAssert.ThrowsAsync(ErrorCodes.CardinalityViolation, () => b.RunAsync(Hire, """{"person":"Alice","company":"Beta"}"""));

        Assert.Equal(["Alice->Acme"], await b.EdgesAsync("edge:WorksAt"));
    }

    [Fact]
    public async Task DeletingTheLastEdge_UnderAMinimum_IsRefused_AndTheEdgeRemains()
    {
        await using var host = await MutationHost.InitAsync(AtLeastOne, """
            {"type":"Person","data":{"name":"Alice"}}
            {"type":"Company","data":{"name":"Acme"}}
            {"edge":"WorksAt","from":"Alice","to":"Acme","data":{"id":"E1"}}
            """);

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.CardinalityViolation, () => host.RunAsync("query f($person: String) { delete WorksAt where from = $person }", """{"person":"Alice"}"""));

        Assert.Contains("@card violation", error.Message, StringComparison.Ordinal);
        Assert.Contains("Alice", error.Message, StringComparison.Ordinal);
        Assert.Equal(["E1"], await host.IdsAsync("edge:WorksAt"));
    }

    [Fact]
    public async Task DeletingTheSourceNode_SkipsItsOwnMinimum()
    {
        await using var host = await MutationHost.InitAsync(AtLeastOne, """
            {"type":"Person","data":{"name":"Alice"}}
            {"type":"Company","data":{"name":"Acme"}}
            {"edge":"WorksAt","from":"Alice","to":"Acme","data":{"id":"E1"}}
            """);

        var change = await host.RunAsync("""query d() { delete Person where name = "Alice" }""");

        Assert.Equal((1, 1), (change.AffectedNodes, change.AffectedEdges));
        Assert.Empty(await host.RowsAsync("edge:WorksAt"));
    }

    [Fact]
    public async Task OneEdge_UnderAMinimumOfTwo_IsRefused()
    {
        await using var host = await MutationHost.InitAsync(
            "node Person { name: String @key }  edge Knows: Person -> Person @card(2..)",
            """
            {"type":"Person","data":{"name":"Alice"}}
            {"type":"Person","data":{"name":"Bob"}}
            """);

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.CardinalityViolation, () => host.RunAsync("""query k() { insert Knows { from: "Alice", to: "Bob" } }"""));

        Assert.Contains("@card violation", error.Message, StringComparison.Ordinal);
        Assert.Contains("min 2", error.Message, StringComparison.Ordinal);
        Assert.Empty(await host.RowsAsync("edge:Knows"));
    }
}
