using System.Text.Json;
using OmniGraph.Server.Tests.Support;
using OmniGraph.Testing.IO;

namespace OmniGraph.Server.Tests.Queries;

/// <summary><c>omnigraph queries add|list|remove</c> on a graph directory: type-checked adds, nothing stored on a failure.</summary>
public sealed class QueriesCommandTests
{
    [Fact]
    public async Task AddListRemove_KeepTheQueriesWithTheGraph()
    {
        using var root = new TempDirectory();
        var graph = root.Combine("g");
        await ServerFixture.CreateGraphAsync(graph);
        var file = root.Combine("stored.gq");
        await File.WriteAllTextAsync(file, StoredQueryFixture.Queries);

        var added = await InProcessCli.RunAsync("queries", "add", graph, "--query", file);
        Assert.Equal(0, added.ExitCode);
        Assert.Contains("added read find_person($name: String)", added.Out, StringComparison.Ordinal);
        Assert.Contains("    description: Find a person by name", added.Out, StringComparison.Ordinal);

        var again = await InProcessCli.RunAsync("queries", "add", graph, "--query", file);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("error[stored_query_exists]", again.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await InProcessCli.RunAsync("queries", "add", graph, "--query", file, "--replace")).ExitCode);

        var listed = await InProcessCli.RunAsync("queries", "list", graph, "--json");
        Assert.Equal(0, listed.ExitCode);
        using (var catalogue = JsonDocument.Parse(listed.Out))
        {
            Assert.Equal(["add_person", "everyone", "find_person"], catalogue.RootElement.GetProperty("queries").EnumerateArray().Select(static q => q.GetProperty("name").GetString()));
        }

        Assert.Equal(0, (await InProcessCli.RunAsync("queries", "remove", graph, "--name", "everyone")).ExitCode);
        var missing = await InProcessCli.RunAsync("queries", "remove", graph, "--name", "everyone");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("error[stored_query_not_found]", missing.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("everyone", (await InProcessCli.RunAsync("queries", "list", graph)).Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("query ghost_reader() { match { $g: Ghost } return { $g.name } }", "Ghost")]
    [InlineData("query graph_schema() { match { $p: Person } return { $p.name } }", "stored_query_exists")]
    [InlineData("query broken( {", "query_parse_error")]
    public async Task Add_RefusesAQueryThatDoesNotCheck_AndStoresNothing(string source, string expected)
    {
        using var root = new TempDirectory();
        var graph = root.Combine("g");
        await ServerFixture.CreateGraphAsync(graph);
        var file = root.Combine("bad.gq");
        await File.WriteAllTextAsync(file, "query fine() { match { $p: Person } return { $p.name } }\n" + source);

        var added = await InProcessCli.RunAsync("queries", "add", graph, "--query", file);
        Assert.NotEqual(0, added.ExitCode);
        Assert.Contains(expected, added.Error, StringComparison.Ordinal);
        Assert.Equal("no stored queries", (await InProcessCli.RunAsync("queries", "list", graph)).Out.Trim());
    }
}
