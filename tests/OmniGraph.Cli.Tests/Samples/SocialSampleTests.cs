using OmniGraph.Cli.Tests.Support;
using OmniGraph.Testing.IO;

namespace OmniGraph.Cli.Tests.Samples;

/// <summary>
/// The sample graph the README's main job uses (<c>samples/social</c>): its schema initialises, its data loads, every
/// query in its <c>.gq</c> file type-checks, and the demo's query and mutation give what the demo shows.
/// </summary>
public sealed class SocialSampleTests : IDisposable
{
    private static readonly string s_sample = RepositoryFiles.Path("samples", "social");

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string Graph => _directory.Combine("social");

    private static string Sample(string file) => Path.Combine(s_sample, file);

    [Fact]
    public async Task Queries_AllTypeCheckAgainstTheSampleSchema()
    {
        var result = await CliRun.OkAsync("lint", "--query", Sample("queries.gq"), "--schema", Sample("schema.pg"), "--json");
        var json = result.Json();

        Assert.Equal("ok", json.GetProperty("status").GetString());
        Assert.Equal(0, json.GetProperty("errors").GetInt32());
        Assert.True(json.GetProperty("queries_processed").GetInt32() >= 7, result.ToString());
    }

    [Fact]
    public async Task DemoSteps_LoadQueryAndMutate()
    {
        await CliRun.OkAsync("init", "--schema", Sample("schema.pg"), Graph);
        await CliRun.OkAsync("load", Graph, "--data", Sample("data.jsonl"), "--mode", "overwrite", "--quiet");

        var friends = (await CliRun.OkAsync("query", "friends_of", "--query", Sample("queries.gq"), "--params", """{"name":"Ada"}""", "--store", Graph, "--json")).Json();
        Assert.Equal("""[{"f.name":"Dana","f.age":null},{"f.name":"Jun","f.age":32},{"f.name":"Sami","f.age":null}]""", CliResult.Compact(friends.GetProperty("rows")));

        // The demo adds someone new (Yara is not in the sample data) and reads them back.
        var change = (await CliRun.OkAsync("mutate", "add_person", "--query", Sample("queries.gq"), "--params", """{"name":"Yara","age":29,"joined":"2024-05-01"}""", "--store", Graph, "--json")).Json();
        Assert.Equal(1, change.GetProperty("affected_nodes").GetInt32());
        Assert.Equal(1, change.GetProperty("inserted_nodes").GetInt32());
        Assert.Equal(0, change.GetProperty("replaced_nodes").GetInt32());
        Assert.Equal(3, change.GetProperty("commit").GetProperty("graph_manifest_version").GetInt64());
        var yara = (await CliRun.OkAsync("query", "person", "--query", Sample("queries.gq"), "--params", """{"name":"Yara"}""", "--store", Graph, "--json")).Json();
        Assert.Equal("""[{"p.name":"Yara","p.age":29,"p.email":null,"p.joined":"2024-05-01"}]""", CliResult.Compact(yara.GetProperty("rows")));
        Assert.Equal(27, await PersonCountAsync());

        // Adding an existing name replaces that person, and the output says so.
        var zoe = await CliRun.OkAsync("mutate", "add_person", "--query", Sample("queries.gq"), "--params", """{"name":"Zoe","age":29,"joined":"2024-05-01"}""", "--store", Graph);
        Assert.Contains("1 existing node replaced by an insert with the same key", zoe.Out, StringComparison.Ordinal);
        Assert.Equal(27, await PersonCountAsync());
    }

    private async Task<long> PersonCountAsync()
    {
        var datasets = (await CliRun.OkAsync("snapshot", Graph, "--json")).Json().GetProperty("datasets").EnumerateArray();
        return datasets.Single(static d => d.GetProperty("type_name").GetString() == "Person").GetProperty("entity_count").GetInt64();
    }
}
