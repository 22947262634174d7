using OmniGraph.Cli.Tests.Support;

namespace OmniGraph.Cli.Tests.Schema;

/// <summary>
/// <c>schema plan</c> and <c>schema apply</c> on the loaded example graph (AC-48): every supported step with data present,
/// renames keep every row and edge, time travel still reads the old schema, and every refusal writes nothing.
/// </summary>
public sealed class SchemaApplyCommandTests : LoadedWorkspaceTests
{
    private const string People = """query q() { match { $p: Person } return { $p.name, $p.age } order { $p.name asc } }""";
    private const string PeopleCsv = "p.name,p.age\nAlice,30\nBob,25\nCharlie,35\nDiana,28\n";

    private static readonly string s_renamed = """
        node Human @rename_from("Person") {
            full_name: String @key @rename_from("name")
            age: I32?
        }

        node Company {
            name: String @key
        }

        edge Knows: Human -> Human {
            since: Date?
        }

        edge WorksAt: Human -> Company
        """;

    private async Task<string> CsvAsync(string query, string? snapshot = null)
    {
        string[] args = ["query", "--store", Workspace.Graph, "-e", query, "--format", "csv"];
        return (await CliRun.OkAsync(snapshot is null ? args : [.. args, "--snapshot", snapshot])).Out;
    }

    private string Schema(string name, string source) => Workspace.Write(name, source + "\n");

    private Task<CliResult> ApplyAsync(string file, params string[] extra) =>
        CliRun.RunAsync(["schema", "apply", Workspace.Graph, "--schema", file, "--quiet", "--json", .. extra]);

    [Fact]
    public async Task Plan_NoOp_WritesNothing()
    {
        var files = Workspace.GraphFiles();
        var plan = (await CliRun.OkAsync("schema", "plan", Workspace.Graph, "--schema", Workspace.SchemaFile, "--json")).Json();

        Assert.Equal(["uri", "supported", "applied", "graph_manifest_version", "commit_id", "schema_hash", "step_count", "steps"], CliResult.Names(plan));
        Assert.True(plan.GetProperty("supported").GetBoolean());
        Assert.False(plan.GetProperty("applied").GetBoolean());
        Assert.Equal(0, plan.GetProperty("step_count").GetInt32());

        var applied = (await ApplyAsync(Workspace.SchemaFile)).Json();
        Assert.False(applied.GetProperty("applied").GetBoolean());
        Assert.Equal(2, applied.GetProperty("graph_manifest_version").GetInt64());
        Assert.Equal(files, Workspace.GraphFiles());
    }

    [Fact]
    public async Task Rename_KeepsEveryRowAndEdge_OldSnapshotStillReadsPerson()
    {
        var file = Schema("renamed.pg", s_renamed);
        var plan = await CliRun.OkAsync("schema", "plan", Workspace.Graph, "--schema", file);
        Assert.Equal("rename_type node Person -> Human\nrename_property Human.name -> full_name\nsupported: apply it with 'omnigraph schema apply'\n", plan.Out);

        var applied = await ApplyAsync(file);
        Assert.Equal(0, applied.ExitCode);
        var json = applied.Json();
        Assert.True(json.GetProperty("applied").GetBoolean());
        Assert.Equal(3, json.GetProperty("graph_manifest_version").GetInt64());

        Assert.Equal("h.full_name,h.age\nAlice,30\nBob,25\nCharlie,35\nDiana,28\n", await CsvAsync("""query q() { match { $h: Human } return { $h.full_name, $h.age } order { $h.full_name asc } }"""));
        Assert.Equal("a.full_name,b.full_name\nAlice,Bob\nAlice,Charlie\nBob,Diana\n", await CsvAsync("""query q() { match { $a: Human  $a knows $b } return { $a.full_name, $b.full_name } order { $a.full_name asc, $b.full_name asc } }"""));
        Assert.Equal("h.full_name,c.name\nAlice,Acme\nBob,Globex\n", await CsvAsync("""query q() { match { $h: Human  $h worksAt $c } return { $h.full_name, $c.name } order { $h.full_name asc } }"""));
        var gone = await CliRun.RunAsync("query", "--store", Workspace.Graph, "-e", People);
        Assert.NotEqual(0, gone.ExitCode);

        // Time travel: the version before the apply still has Person, under its old schema.
        Assert.Equal(PeopleCsv, await CsvAsync(People, snapshot: "2"));

        // Writes continue under the new names; the schema shown is the applied one.
        await CliRun.OkAsync("mutate", "--store", Workspace.Graph, "-e", """query q() { insert Human { full_name: "Eve", age: 22 } }""");
        Assert.Contains("Eve,22", await CsvAsync("""query q() { match { $h: Human } return { $h.full_name, $h.age } order { $h.full_name asc } }"""), StringComparison.Ordinal);
        Assert.Contains("node Human", (await CliRun.OkAsync("schema", "show", Workspace.Graph)).Out, StringComparison.Ordinal);
        Assert.StartsWith("healthy", (await CliRun.OkAsync("recovery", "status", Workspace.Graph)).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddNullableProperty_ExistingRowsReadNull_NewRowsTakeIt()
    {
        var file = Schema("nick.pg", CliWorkspace.Schema.Replace("age: I32?", "age: I32?\n    nickname: String?", StringComparison.Ordinal));
        var applied = (await ApplyAsync(file)).Json();
        Assert.Equal("add_property", applied.GetProperty("steps")[0].GetProperty("kind").GetString());

        await CliRun.OkAsync("mutate", "--store", Workspace.Graph, "-e", """query q() { update Person set { nickname: "Al" } where name = "Alice" }""");
        Assert.Equal("p.name,p.nickname\nAlice,Al\nBob,null\nCharlie,null\nDiana,null\n", await CsvAsync("""query q() { match { $p: Person } return { $p.name, $p.nickname } order { $p.name asc } }"""));
    }

    [Fact]
    public async Task ExtendEnum_KeepsTheDataVersion_AcceptsTheNewValue()
    {
        const string Tickets = """
            node Ticket {
                code: String @key
                status: enum(todo, doing, done)
            }
            """;
        var tickets = Schema("tickets.pg", CliWorkspace.Schema + Tickets);
        await CliRun.OkAsync("schema", "apply", Workspace.Graph, "--schema", tickets, "--quiet");
        await CliRun.OkAsync("mutate", "--store", Workspace.Graph, "-e", """query q() { insert Ticket { code: "T1", status: "done" } }""");
        var before = (await CliRun.OkAsync("snapshot", Workspace.Graph, "--json")).Json();
        var commits = (await CliRun.OkAsync("commit", "list", Workspace.Graph, "--json")).Json().GetProperty("commits").GetArrayLength();

        var widened = Schema("widened.pg", CliWorkspace.Schema + Tickets.Replace("done)", "done, blocked)", StringComparison.Ordinal));
        var applied = (await ApplyAsync(widened)).Json();
        Assert.Equal("extend_enum", applied.GetProperty("steps")[0].GetProperty("kind").GetString());
        Assert.Equal("""["blocked"]""", CliResult.Compact(applied.GetProperty("steps")[0].GetProperty("added_values")));

        var after = (await CliRun.OkAsync("snapshot", Workspace.Graph, "--json")).Json();
        Assert.Equal(CliResult.Compact(before.GetProperty("datasets")), CliResult.Compact(after.GetProperty("datasets")));
        Assert.Equal(commits + 1, (await CliRun.OkAsync("commit", "list", Workspace.Graph, "--json")).Json().GetProperty("commits").GetArrayLength());

        await CliRun.OkAsync("mutate", "--store", Workspace.Graph, "-e", """query q() { insert Ticket { code: "T2", status: "blocked" } }""");
        var bogus = await CliRun.RunAsync("mutate", "--store", Workspace.Graph, "-e", """query q() { insert Ticket { code: "T3", status: "bogus" } }""");
        Assert.NotEqual(0, bogus.ExitCode);
        Assert.Equal("t.code,t.status\nT1,done\nT2,blocked\n", await CsvAsync("""query q() { match { $t: Ticket } return { $t.code, $t.status } order { $t.code asc } }"""));
    }

    [Fact]
    public async Task SoftDrop_HidesTheTypes_OldSnapshotKeepsThem_ReAddIsANewIdentity()
    {
        var withoutCompanies = CliWorkspace.Schema
            .Replace("node Company {\n    name: String @key\n}\n", string.Empty, StringComparison.Ordinal)
            .Replace("edge WorksAt: Person -> Company\n", string.Empty, StringComparison.Ordinal);
        var dropped = (await ApplyAsync(Schema("drop.pg", withoutCompanies))).Json();
        Assert.Equal(
            """[{"kind":"drop_type","type_kind":"node","type_name":"Company","mode":"soft"},{"kind":"drop_type","type_kind":"edge","type_name":"WorksAt","mode":"soft"}]""",
            CliResult.Compact(dropped.GetProperty("steps")));
        var companies = """query q() { match { $c: Company } return { $c.name } order { $c.name asc } }""";
        Assert.NotEqual(0, (await CliRun.RunAsync("query", "--store", Workspace.Graph, "-e", companies)).ExitCode);
        Assert.Equal("c.name\nAcme\nGlobex\n", await CsvAsync(companies, snapshot: "2"));
        Assert.Equal(PeopleCsv, await CsvAsync(People));

        // Re-adding Company makes a new, empty type: never a silent continuation of the dropped rows.
        var readded = (await ApplyAsync(Workspace.SchemaFile)).Json();
        Assert.Equal("add_type", readded.GetProperty("steps")[0].GetProperty("kind").GetString());
        Assert.Equal("c.name\n", await CsvAsync(companies));
        await CliRun.OkAsync("mutate", "--store", Workspace.Graph, "-e", """query q() { insert Company { name: "Initech" } }""");
        Assert.Equal("c.name\nInitech\n", await CsvAsync(companies));
        Assert.StartsWith("healthy", (await CliRun.OkAsync("recovery", "status", Workspace.Graph)).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DropProperty_Hard_AndIndexAddRemove()
    {
        var hard = (await ApplyAsync(Schema("noage.pg", CliWorkspace.Schema.Replace("    age: I32?\n", string.Empty, StringComparison.Ordinal)), "--allow-data-loss")).Json();
        Assert.Equal("""[{"kind":"drop_property","type_kind":"node","type_name":"Person","property":"age","mode":"hard"}]""", CliResult.Compact(hard.GetProperty("steps")));
        Assert.Equal("p.name\nAlice\nBob\nCharlie\nDiana\n", await CsvAsync("""query q() { match { $p: Person } return { $p.name } order { $p.name asc } }"""));
        Assert.Equal(PeopleCsv, await CsvAsync(People, snapshot: "2"));

        var indexed = (await ApplyAsync(Schema("indexed.pg", CliWorkspace.Schema.Replace("    age: I32?\n", string.Empty, StringComparison.Ordinal)
            .Replace("name: String @key\n}\n\nnode Company", "name: String @key @index\n}\n\nnode Company", StringComparison.Ordinal)))).Json();
        Assert.Equal("add_constraint", indexed.GetProperty("steps")[0].GetProperty("kind").GetString());
        Assert.Equal("p.name\nBob\n", await CsvAsync("""query q() { match { $p: Person { name: "Bob" } } return { $p.name } }"""));
    }

    [Theory]
    [InlineData("age: I32?", "age: I64?", "schema_change_unsupported", "changing property type of 'Person.age' from I32? to I64?")]
    [InlineData("age: I32?", "age: I32?\n    email: String", "schema_change_unsupported", "[OG-MF-103] Person.email")]
    [InlineData("node Company {", "node Firm @rename_from(\"Corp\") {", "schema_rename_unknown", "declares @rename_from(\"Corp\") but no accepted declaration has that name")]
    public async Task Refusals_AreTyped_AndWriteNothing(string from, string to, string code, string message)
    {
        var files = Workspace.GraphFiles();
        var source = CliWorkspace.Schema.Replace(from, to, StringComparison.Ordinal).Replace("Person -> Company", from == "node Company {" ? "Person -> Firm" : "Person -> Company", StringComparison.Ordinal);
        var refused = await CliRun.RunAsync("schema", "apply", Workspace.Graph, "--schema", Schema("bad.pg", source), "--quiet");

        Assert.Equal(1, refused.ExitCode);
        Assert.StartsWith($"error[{code}]:", refused.Error, StringComparison.Ordinal);
        Assert.Contains(message, refused.Error, StringComparison.Ordinal);
        Assert.Equal(files, Workspace.GraphFiles());
        Assert.Equal(PeopleCsv, await CsvAsync(People));
    }

    [Fact]
    public async Task UnsupportedPlan_ExitsNonZero_AndListsTheChange()
    {
        var plan = await CliRun.RunAsync("schema", "plan", Workspace.Graph, "--schema", Schema("narrow.pg", CliWorkspace.Schema.Replace("Person -> Company", "Company -> Company", StringComparison.Ordinal)), "--json");

        Assert.Equal(1, plan.ExitCode);
        var json = plan.Json();
        Assert.False(json.GetProperty("supported").GetBoolean());
        Assert.Equal("unsupported_change", json.GetProperty("steps")[0].GetProperty("kind").GetString());
        Assert.Equal("edge WorksAt", json.GetProperty("steps")[0].GetProperty("entity").GetString());
    }

    [Fact]
    public async Task AnotherBranch_RefusesTheApply()
    {
        await CliRun.OkAsync("branch", "create", Workspace.Graph, "feature", "--quiet");
        var files = Workspace.GraphFiles();
        var refused = await CliRun.RunAsync("schema", "apply", Workspace.Graph, "--schema", Schema("renamed.pg", s_renamed), "--quiet");

        Assert.Equal(1, refused.ExitCode);
        Assert.StartsWith("error[schema_apply_branches_exist]: schema apply requires a graph with only main (it has 'feature')", refused.Error, StringComparison.Ordinal);
        Assert.Equal(files.Keys.Where(static k => !k.StartsWith("schema/", StringComparison.Ordinal)), Workspace.GraphFiles().Keys.Where(static k => !k.StartsWith("schema/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task StoredQueryBrokenByTheChange_RefusesTheApply()
    {
        await CliRun.OkAsync("queries", "add", Workspace.Graph, "--query", Workspace.Write("people.gq", People + "\n"));
        var files = Workspace.GraphFiles();
        var refused = await CliRun.RunAsync("schema", "apply", Workspace.Graph, "--schema", Schema("renamed.pg", s_renamed), "--quiet");

        Assert.Equal(1, refused.ExitCode);
        Assert.StartsWith("error[schema_apply_breaks_stored_query]: the new schema breaks stored query 'q' (schema check:", refused.Error, StringComparison.Ordinal);
        Assert.Equal(files, Workspace.GraphFiles());

        // A change the query survives is applied.
        await CliRun.OkAsync("schema", "apply", Workspace.Graph, "--schema", Schema("nick.pg", CliWorkspace.Schema.Replace("age: I32?", "age: I32?\n    nickname: String?", StringComparison.Ordinal)), "--quiet");
    }

    [Fact]
    public async Task ProtectedMain_RefusesTheApply()
    {
        var policy = Workspace.Write("policy.yaml", """
            version: 1
            protected_branches: [main]
            groups:
              admins: [admin]
            rules:
              - id: admins-all
                allow: { actors: { group: admins }, actions: [read, change], branch_scope: any }
              - id: admins-schema
                allow: { actors: { group: admins }, actions: [schema_apply], target_branch_scope: any }
            """);
        var files = Workspace.GraphFiles();
        var refused = await CliRun.RunAsync("schema", "apply", Workspace.Graph, "--schema", Schema("renamed.pg", s_renamed), "--as", "admin", "--policy", policy, "--quiet");

        Assert.Equal(1, refused.ExitCode);
        Assert.StartsWith("error[protected_branch]: branch 'main' is protected", refused.Error, StringComparison.Ordinal);
        Assert.Equal(files, Workspace.GraphFiles());
    }
}
