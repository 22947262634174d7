using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Mutations.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.Fixtures;
using OmniGraph.Testing.IO;

using Outcome = OmniGraph.Mutations.Tests.Recovery.WriteFailpointMatrixTests.Outcome;
using Step = OmniGraph.Mutations.Tests.Recovery.WriteFailpointMatrixTests.Step;

namespace OmniGraph.Mutations.Tests.Recovery;

/// <summary>
/// Every durable step of a schema apply × {fail before, crash after}: storing the schema, staging the rewritten tables,
/// then the commit's staged flush, sidecar, publish, both table heads and the sidecar delete. The apply renames Person to
/// Human (a new table name, rewritten from version 0) and adds a nullable property and a required one with a default to
/// Company (rewritten in place, every existing row given the default). Main shows
/// the old schema with the old tables or the new schema with the rewritten ones, never a mix; the next write in the same
/// silo, or a fresh silo after a kill, heals it, and an apply retried afterwards finds nothing to do or lands whole.
/// </summary>
public sealed class SchemaApplyFailpointMatrixTests
{
    private const string Applier = "applier";

    private const string Desired = """
        node Human @rename_from("Person") {
            full_name: String @key @rename_from("name")
            age: I32?
        }

        node Company {
            name: String @key
            size: I64?
            rank: I32 @default(7)
        }

        edge Knows: Human -> Human {
            since: Date?
        }

        edge WorksAt: Human -> Company
        """;

    private const string InsertCompany = """query q() { insert Company { name: "Initech" } }""";

    /// <summary>Storing the schema (before the staging), then the staging of the two rewritten tables and the commit's steps.</summary>
    public static TheoryData<Step> Steps()
    {
        var data = CoordinatedWriteSteps.For(Failpoints.SchemaApplyStage, nameof(Failpoints.SchemaApplyStage), tables: 2);
        data.Add(new(nameof(Failpoints.SchemaApplySchemaWrite), Failpoints.SchemaApplySchemaWrite, FailpointAction.FailBefore, 1, Outcome.Fails, false, false, false));
        data.Add(new(nameof(Failpoints.SchemaApplySchemaWrite), Failpoints.SchemaApplySchemaWrite, FailpointAction.CrashAfter, 1, Outcome.Crashes, false, false, false));
        return data;
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task FailureAtAStep_ThenTheNextWrite_HealsToOldOrNewSchema(Step step)
    {
        await using var host = await MutationHost.StandardAsync();

        await FailAsync(host, step);

        await host.RunAsync(InsertCompany);
        await AssertHealedAsync(host, step.RollsForward);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task FailureAtAStep_ThenKill_AFreshSiloHealsOnOpen(Step step)
    {
        using var directory = new TempDirectory();
        var first = await MutationHost.InitAsync(AcceptanceFixtures.TestSchema, AcceptanceFixtures.TestData, new LocalDirectoryObjectStore(directory.Path));
        await FailAsync(first, step);
        await first.KillAsync();

        await using var fresh = await MutationHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        await fresh.HeadAsync();
        await AssertHealedAsync(fresh, step.RollsForward);
    }

    private static Task<SchemaApplyOutput> ApplyAsync(MutationHost host) =>
        host.Client.ApplySchemaAsync(new SchemaApplyRequest(Desired) { Actor = Applier });

    private static async Task FailAsync(MutationHost host, Step step)
    {
        await host.Manifest.GetRecoveryStatusAsync();
        var armed = host.Failpoints.Arm(step.Point, step.Action, step.Hit);
        var applied = await CoordinatedWriteSteps.ExpectAsync(ApplyAsync(host), step.Outcome);
        Assert.True(applied is null || applied.Applied);

        await armed.Fired.WaitAsync(TimeSpan.FromSeconds(30));
        await host.Manifest.GetRecoveryStatusAsync();
        Assert.Equal(1, armed.FireCount);
        host.Failpoints.DisarmAll();
        Assert.Equal(step.VisibleAfter, await AppliedAsync(host));
        Assert.Equal(step.SidecarAfter, (await host.SidecarsAsync()).Count == 1);
    }

    private static async Task AssertHealedAsync(MutationHost host, bool rolledForward)
    {
        await GraphAssertions.ConsistentAsync(host);
        Assert.Equal(rolledForward, await AppliedAsync(host));
        var applies = (await GraphAssertions.LinearHistoryAsync(host)).Where(static c => c.Kind == CommitKinds.SchemaApply).ToArray();
        Assert.Equal(rolledForward ? 1 : 0, applies.Length);
        Assert.All(applies, static c => Assert.Equal(Applier, c.Actor));

        // Retried: nothing to do when it rolled forward, otherwise it lands whole now.
        var again = await ApplyAsync(host);
        Assert.Equal(!rolledForward, again.Applied);
        Assert.True(await AppliedAsync(host));
        await host.RunAsync("""query q() { insert Human { full_name: "Eve", age: 22 } }""");
        Assert.Equal(["Alice", "Bob", "Charlie", "Diana", "Eve"], await host.IdsAsync("node:Human"));
        await GraphAssertions.ConsistentAsync(host);
    }

    /// <summary>Whether main has the new schema, asserting it holds exactly the tables and rows of one schema or the other.</summary>
    private static async Task<bool> AppliedAsync(MutationHost host)
    {
        var head = await host.HeadAsync();
        var applied = head.TryGetTable("node:Human", out _);
        Assert.Equal(!applied, head.TryGetTable("node:Person", out _));
        Assert.Equal(applied, (await host.Client.GetSchemaAsync()).SchemaSource.Contains("node Human", StringComparison.Ordinal));
        Assert.Equal(["Alice", "Bob", "Charlie", "Diana"], (await host.IdsAsync(applied ? "node:Human" : "node:Person")).Where(static id => id != "Eve"));
        Assert.Contains("Acme", await host.IdsAsync("node:Company"));
        if (applied)
        {
            Assert.All(await host.RowsAsync("node:Company"), static row =>
            {
                Assert.Null(row["size"]);
                Assert.Equal(7, Convert.ToInt32(row["rank"], System.Globalization.CultureInfo.InvariantCulture));
            });
        }

        return applied;
    }
}
