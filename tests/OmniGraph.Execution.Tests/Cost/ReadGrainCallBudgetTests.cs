using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Abstractions;
using OmniGraph.Testing.Fixtures;
using OmniGraph.Testing.Hosting;
using Xunit.Abstractions;

namespace OmniGraph.Execution.Tests.Cost;

/// <summary>
/// How many grain calls the benchmark's two point reads cost once warm — a key lookup and a one-hop traversal from it —
/// counted by a grain call filter on a silo of its own (issue 11: grain calls per lookup and per hop1). A budget, not a
/// timing: it only ever goes down, and the breakdown by method is printed so a change that adds a call says where.
/// </summary>
public sealed class ReadGrainCallBudgetTests(ITestOutputHelper output)
{
    private const string Queries = """
        query lookup($name: String) { match { $p: Person { name: $name } } return { $p.name, $p.age } }
        query hop1($name: String) { match { $p: Person { name: $name }  $p knows $f } return { $f.name } }
        """;

    /// <summary>
    /// 2026-12-07, three: the query grain's call, the snapshot it pins (<c>ResolveSnapshotAsync</c>) and the key probe on
    /// the Person table grain (<c>SelectAsync</c>).
    /// </summary>
    private const int LookupBudget = 3;

    /// <summary>
    /// 2026-12-07, five: the lookup's three, the traversal on the Knows table grain (<c>TraverseAsync</c>) and the
    /// friends' names from the Person table grain (a second <c>SelectAsync</c>).
    /// </summary>
    private const int HopBudget = 5;

    [Theory]
    [InlineData("lookup", 1, LookupBudget)]
    [InlineData("hop1", 2, HopBudget)]
    public async Task WarmPointRead_StaysWithinItsGrainCallBudget(string query, int expectedRows, int budget)
    {
        var calls = new GrainCallCounter();
        await using var cluster = await TestSilo.DeployAsync(new TestSiloOptions
        {
            ConfigureSilo = silo =>
            {
                silo.AddOmniGraphLoading();
                silo.AddOmniGraphExecution();
                silo.AddIncomingGrainCallFilter(calls);
            },
        });
        await cluster.Client.GetGrain<IGraphRegistryGrain>(IGraphRegistryGrain.ClusterKey).RegisterAsync($"calls-{query}", $"memory://read-call-budget-{Guid.NewGuid():N}");
        var client = new GraphClient(cluster.Client, $"calls-{query}");
        await client.InitializeAsync(AcceptanceFixtures.TestSchema);
        await client.LoadJsonlAsync(AcceptanceFixtures.TestData, GraphLoadMode.Overwrite);
        await client.QueryAsync(Queries, query, """{"name":"Bob"}""");

        calls.Reset();
        var result = await client.QueryAsync(Queries, query, """{"name":"Alice"}""");
        var counted = calls.Snapshot();

        Assert.Equal(expectedRows, result.RowCount);
        foreach (var (method, count) in counted.OrderBy(static c => c.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{count,3}  {method}");
        }

        var total = counted.Values.Sum();
        output.WriteLine($"{total,3}  in all");
        Assert.InRange(total, 1, budget);
    }
}
