using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OmniGraph.Abstractions;
using OmniGraph.Execution.Hosting;
using OmniGraph.Execution.Planning;
using OmniGraph.Execution.Tests.Support;
using OmniGraph.Query;
using OmniGraph.Schema;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.Fixtures;
using Orleans.TestingHost;

namespace OmniGraph.Execution.Tests.Querying;

/// <summary>Options, their validation, the plan cache, and the intermediate-row limit.</summary>
public sealed class ExecutionHostingTests
{
    [Theory]
    [InlineData(-1, 10, "PlanCacheCapacity")]
    [InlineData(10, 0, "MaxIntermediateRows")]
    public void Options_AreValidated(int capacity, long maxRows, string failing)
    {
        var result = new QueryExecutionOptionsValidator().Validate(null, new QueryExecutionOptions { PlanCacheCapacity = capacity, MaxIntermediateRows = maxRows });

        Assert.True(result.Failed);
        Assert.Contains(failing, result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new QueryExecutionOptionsValidator().Validate(null, new QueryExecutionOptions()).Succeeded);
    }

    [Fact]
    public void PlanCache_ReusesPlansPerCompiledQuery_AndEvictsTheLeastRecent()
    {
        var catalog = SchemaCatalog.Compile(AcceptanceFixtures.TestSchema);
        var compiler = new QueryCompiler();
        var cache = new QueryPlanCache(Options.Create(new QueryExecutionOptions { PlanCacheCapacity = 2 }));
        var a = compiler.CompileRead("query a() { match { $p: Person } return { $p.name } }", catalog);
        var b = compiler.CompileRead("query b() { match { $p: Person } return { $p.age } }", catalog);
        var c = compiler.CompileRead("query c() { match { $c: Company } return { $c.name } }", catalog);

        var planA = cache.GetOrPlan(a);
        Assert.Same(planA, cache.GetOrPlan(compiler.CompileRead("query a() { match { $p: Person } return { $p.name } }", catalog)));
        cache.GetOrPlan(b);
        cache.GetOrPlan(c);
        Assert.Equal(2, cache.Count);
        Assert.NotSame(planA, cache.GetOrPlan(a));
    }

    [Fact]
    public async Task IntermediateRows_BeyondTheLimit_FailWithResourceLimit()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddOmniGraph(o => o.AddGraph("g", $"memory://limit-{Guid.NewGuid():N}"));
            silo.AddOmniGraphLoading();
            silo.AddOmniGraphExecution(o => o.MaxIntermediateRows = 10);
        });
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var graph = new TestGraph(new GraphClient(cluster.Client, "g"));
        await graph.Client.InitializeAsync(AcceptanceFixtures.TestSchema);
        await graph.LoadAsync(AcceptanceFixtures.TestData);

        Assert.Equal(4, (await graph.QueryAsync("query q() { match { $p: Person } return { $p.name } }")).Count);
        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.ResourceLimit, () => graph.QueryAsync("query q() { match { $p: Person  $o: Person } return { $p.name, $o.name } }"));
        Assert.Equal("resource_limit", error.Code);
        Assert.Equal(16, error.Get(ErrorDetail.Count));
    }
}
