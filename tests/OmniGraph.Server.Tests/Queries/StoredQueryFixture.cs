using System.Text.Json;
using OmniGraph.Security;
using OmniGraph.Server.Hosting;
using OmniGraph.Server.Tests.Support;

namespace OmniGraph.Server.Tests.Queries;

/// <summary>
/// A server with tokens and a policy over graph <c>q</c>, whose stored queries are registered with
/// <c>omnigraph queries add</c> before it starts: <c>act-ivy</c> may invoke, read and change; <c>act-rita</c> may only
/// read; <c>act-ida</c> may only invoke; <c>act-zed</c> is in no group.
/// </summary>
public sealed class StoredQueryFixture() : TokenServerFixture(Tokens)
{
    public const string Queries = """
        query find_person($name: String) @description("Find a person by name") @instruction("Pass the exact name") {
            match { $p: Person { name: $name } }
            return { $p.name, $p.age }
        }

        query everyone() {
            match { $p: Person }
            return { $p.name }
        }

        query add_person($name: String, $age: I32?) {
            insert Person { name: $name, age: $age }
        }
        """;

    public const string Policy = """
        version: 1
        groups:
          invokers: [act-ivy]
          readers: [act-rita]
          bare: [act-ida]
        rules:
          - id: invokers-invoke
            allow: { actors: { group: invokers }, actions: [invoke_query] }
          - id: invokers-write
            allow: { actors: { group: invokers }, actions: [read, change], branch_scope: any }
          - id: readers-read
            allow: { actors: { group: readers }, actions: [read] }
          - id: bare-invoke
            allow: { actors: { group: bare }, actions: [invoke_query] }
        """;

    public static readonly IReadOnlyDictionary<string, string> Tokens = new Dictionary<string, string>
    {
        ["act-ivy"] = "token-ivy-1",
        ["act-rita"] = "token-rita-2",
        ["act-ida"] = "token-ida-3",
        ["act-zed"] = "token-zed-4",
    };

    protected override async Task PrepareStoreAsync()
    {
        await ServerFixture.CreateGraphAsync(Combine("q"));
        var file = Combine("stored.gq");
        await File.WriteAllTextAsync(file, Queries);
        var added = await InProcessCli.RunAsync("queries", "add", Combine("q"), "--query", file);
        Assert.True(added.ExitCode == 0, added.Error);
        File.Delete(file);
    }

    protected override OmniGraphServerOptions ServerOptions()
    {
        var options = TokenOptions(Root, Tokens);
        options.GraphPolicies["q"] = PolicyBundleReader.Parse(Policy, "policy.yaml");
        return options;
    }

    /// <summary>The number of commits on main of <c>q</c>.</summary>
    public async Task<int> CommitCountAsync()
    {
        using var client = As("act-ivy");
        using var document = JsonDocument.Parse(await client.GetStringAsync("graphs/q/commits"));
        return document.RootElement.GetProperty("commits").GetArrayLength();
    }
}
