using OmniGraph.Cli.Tests.Support;
using OmniGraph.Testing.IO;

namespace OmniGraph.Cli.Tests.Schema;

/// <summary>
/// Soft and hard drops (docs/schema-language.md, "Soft and hard drops") on the loaded example graph: a soft drop hides a
/// type or property from main but keeps its rows through cleanup, and a later apply whose <c>@rename_from</c> names it
/// restores them (a type's rows, a property's values by row id); a hard drop (<c>--allow-data-loss</c>) keeps nothing, so
/// cleanup reclaims the data once no retained commit reads it, and it also releases earlier soft drops.
/// </summary>
public sealed class SchemaDropTests : LoadedWorkspaceTests
{
    private const string People = """query q() { match { $p: Person } return { $p.name, $p.age } order { $p.name asc } }""";
    private const string Companies = """query q() { match { $c: Company } return { $c.name } order { $c.name asc } }""";
    private const string Employers = """query q() { match { $p: Person  $p worksAt $c } return { $p.name, $c.name } order { $p.name asc } }""";
    private const string PeopleCsv = "p.name,p.age\nAlice,30\nBob,25\nCharlie,35\nDiana,28\n";

    private static readonly string s_withoutCompanies = CliWorkspace.Schema
        .Replace("node Company {\n    name: String @key\n}\n", string.Empty, StringComparison.Ordinal)
        .Replace("edge WorksAt: Person -> Company\n", string.Empty, StringComparison.Ordinal);

    private static readonly string s_companiesRestored = CliWorkspace.Schema
        .Replace("node Company {", "node Company @rename_from(\"Company\") {", StringComparison.Ordinal)
        .Replace("edge WorksAt: Person -> Company", "edge WorksAt: Person -> Company @rename_from(\"WorksAt\")", StringComparison.Ordinal);

    private static readonly string s_withoutAge = CliWorkspace.Schema.Replace("    age: I32?\n", string.Empty, StringComparison.Ordinal);

    private static readonly string s_ageRestored = CliWorkspace.Schema.Replace("    age: I32?\n", "    age: I32? @rename_from(\"age\")\n", StringComparison.Ordinal);

    private async Task<string> CsvAsync(string query, string? snapshot = null)
    {
        string[] args = ["query", "--store", Workspace.Graph, "-e", query, "--format", "csv"];
        return (await CliRun.OkAsync(snapshot is null ? args : [.. args, "--snapshot", snapshot])).Out;
    }

    private async Task<string> StepsAsync(string name, string source, params string[] extra)
    {
        var file = Workspace.Write(name, source + "\n");
        var result = await CliRun.OkAsync(["schema", "apply", Workspace.Graph, "--schema", file, "--quiet", "--json", .. extra]);
        return string.Join(" ", result.Json().GetProperty("steps").EnumerateArray().Select(static s =>
            $"{s.GetProperty("kind").GetString()}:{s.GetProperty("type_name").GetString()}{(s.TryGetProperty("property", out var p) ? "." + p.GetString() : string.Empty)}{(s.TryGetProperty("mode", out var m) ? ":" + m.GetString() : string.Empty)}"));
    }

    private Task CleanupAsync() => CliRun.OkAsync("cleanup", Workspace.Graph, "--keep", "0", "--older-than", "0s", "--confirm", "--quiet");

    private async Task<string> DirectoryOfAsync(string typeName)
    {
        var snapshot = (await CliRun.OkAsync("snapshot", Workspace.Graph, "--json")).Json();
        return snapshot.GetProperty("datasets").EnumerateArray().Single(d => d.GetProperty("type_name").GetString() == typeName).GetProperty("dataset_path").GetString()!;
    }

    private int ObjectsUnder(string directory) => StoreFiles.Keys(Workspace.Graph, directory + "/").Count;

    [Fact]
    public async Task SoftTypeDrop_SurvivesCleanup_AndRenameFromRestoresTheRows()
    {
        var companies = await DirectoryOfAsync("Company");
        Assert.Equal("drop_type:Company:soft drop_type:WorksAt:soft", await StepsAsync("drop.pg", s_withoutCompanies));
        Assert.NotEqual(0, (await CliRun.RunAsync("query", "--store", Workspace.Graph, "-e", Companies)).ExitCode);

        await CleanupAsync();
        Assert.True(ObjectsUnder(companies) > 0, "a soft drop keeps the rows through cleanup");
        Assert.Contains("0 missing, 0 orphaned, 0 corrupt", (await CliRun.OkAsync("repair", Workspace.Graph)).Out, StringComparison.Ordinal);

        Assert.Equal("restore_type:Company restore_type:WorksAt", await StepsAsync("restore.pg", s_companiesRestored));
        Assert.Equal("c.name\nAcme\nGlobex\n", await CsvAsync(Companies));
        Assert.Equal("p.name,c.name\nAlice,Acme\nBob,Globex\n", await CsvAsync(Employers));
        await CliRun.OkAsync("mutate", "--store", Workspace.Graph, "-e", """query q() { insert Company { name: "Initech" } }""");
        Assert.Equal("c.name\nAcme\nGlobex\nInitech\n", await CsvAsync(Companies));

        // Restored, the rows are live data again: nothing is left for a hard drop to release.
        var plan = (await CliRun.OkAsync("schema", "plan", Workspace.Graph, "--schema", Workspace.Write("again.pg", s_companiesRestored + "\n"), "--allow-data-loss", "--json")).Json();
        Assert.Equal(0, plan.GetProperty("step_count").GetInt32());
        Assert.StartsWith("healthy", (await CliRun.OkAsync("recovery", "status", Workspace.Graph)).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HardTypeDrop_CleanupReclaimsTheRows_AndNothingCanRestoreThem()
    {
        var companies = await DirectoryOfAsync("Company");
        Assert.True(ObjectsUnder(companies) > 0);
        Assert.Equal("drop_type:Company:hard drop_type:WorksAt:hard", await StepsAsync("drop.pg", s_withoutCompanies, "--allow-data-loss"));
        Assert.Equal("c.name\nAcme\nGlobex\n", await CsvAsync(Companies, snapshot: "2"));

        await CleanupAsync();
        Assert.Equal(0, ObjectsUnder(companies));
        var restore = await CliRun.RunAsync("schema", "apply", Workspace.Graph, "--schema", Workspace.Write("restore.pg", s_companiesRestored + "\n"));
        Assert.Contains("error[schema_rename_unknown]:", restore.Error, StringComparison.Ordinal);
        Assert.Equal(PeopleCsv, await CsvAsync(People));
        Assert.Contains("0 missing, 0 orphaned, 0 corrupt", (await CliRun.OkAsync("repair", Workspace.Graph)).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SoftPropertyDrop_SurvivesCleanup_AndRenameFromRestoresTheValuesByRowId()
    {
        Assert.Equal("drop_property:Person.age:soft", await StepsAsync("noage.pg", s_withoutAge));
        await CliRun.OkAsync("mutate", "--store", Workspace.Graph, "-e", """query q() { insert Person { name: "Eve" } }""");
        await CliRun.OkAsync("mutate", "--store", Workspace.Graph, "-e", """query q() { delete Person where name = "Diana" }""");
        await CleanupAsync();

        Assert.Equal("restore_property:Person.age", await StepsAsync("age.pg", s_ageRestored));
        Assert.Equal("p.name,p.age\nAlice,30\nBob,25\nCharlie,35\nEve,null\n", await CsvAsync(People));
        Assert.Contains("0 missing, 0 orphaned, 0 corrupt", (await CliRun.OkAsync("repair", Workspace.Graph)).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HardDrop_ReleasesEarlierSoftDrops_AndCleanupReclaimsThem()
    {
        var people = await DirectoryOfAsync("Person");
        Assert.Equal("drop_property:Person.age:soft", await StepsAsync("noage.pg", s_withoutAge));
        await CleanupAsync();
        var kept = ObjectsUnder(people);

        Assert.Equal("release_dropped:Person.age", await StepsAsync("release.pg", s_withoutAge, "--allow-data-loss"));
        await CleanupAsync();
        Assert.True(ObjectsUnder(people) < kept, "the released version's objects are reclaimed");
        var restore = await CliRun.RunAsync("schema", "apply", Workspace.Graph, "--schema", Workspace.Write("age.pg", s_ageRestored + "\n"));
        Assert.Contains("error[schema_rename_unknown]:", restore.Error, StringComparison.Ordinal);
        Assert.Equal("p.name\nAlice\nBob\nCharlie\nDiana\n", await CsvAsync("""query q() { match { $p: Person } return { $p.name } order { $p.name asc } }"""));
    }
}
