using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.Azure;
using Xunit.Abstractions;

namespace OmniGraph.Grains.Tests.Azure;

/// <summary>
/// A two-table commit on the blob store (Azurite) with each kind of failure the Azure SDK can raise (412, 409, 404, 5xx
/// beyond the retries, a timeout beyond the retries, a timeout after the service applied the request) injected at every
/// durable request of the commit in turn: the fragment and version puts, the sidecar, each head move, the manifest
/// publish, the sidecar delete. The write fails with a typed error or succeeds; either way the graph reads as the old
/// image or the new one, never a mix, and after a restart (the heal) as the same, with no sidecar left; an acknowledged
/// write is always there.
/// </summary>
public sealed class BlobCommitFaultTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    public static TheoryData<string> Faults() => ["412", "409", "404", "500", "timeout", "timeout-after-applying"];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task FaultAtEveryDurableRequest_LeavesOldOrNew_NeverAMix(string faultName)
    {
        var (fault, persistent) = FaultNamed(faultName);
        var faults = new BlobFaultInjector();
        var store = azurite.CreateStore(options => options.ConfigureClientOptions = faults.InstallInto);
        var host = await GraphHost.InitAsync(store);
        try
        {
            await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice")));
            await host.Manifest.GetRecoveryStatusAsync();

            // A clean commit first: how many durable (write) requests one commit makes.
            faults.ClearAttempts();
            await host.Client.WriteAsync(Write(0));
            await host.Manifest.GetRecoveryStatusAsync();
            var durable = faults.CountAttempts(static r => IsDurable(r));
            var byKind = faults.Attempts.GroupBy(static a => KindOf(a.Request)).OrderBy(static g => g.Key, StringComparer.Ordinal).Select(static g => $"{g.Key} {g.Count()}");
            output.WriteLine($"requests of one two-table commit: {string.Join(", ", byKind)}");
            Assert.True(durable >= 5, $"a commit made only {durable} durable requests");

            var outcomes = new List<string>();
            for (var step = 0; step < durable; step++)
            {
                var round = step + 1;
                faults.Inject(fault, static r => IsDurable(r), skip: step, times: persistent ? int.MaxValue : 1);
                faults.ClearAttempts();
                bool acknowledged;
                try
                {
                    await host.Client.WriteAsync(Write(round));
                    acknowledged = true;
                }
                catch (OmniGraphException typed)
                {
                    acknowledged = false;
                    outcomes.Add($"{round}:{typed.Code}");
                }

                faults.Clear();
                var seen = await ReadAllOrNothingAsync(host, round);
                Assert.True(!acknowledged || seen, $"step {round}: the write was acknowledged but is not visible");

                // A new process on the same store heals what the failure left, to the same image.
                await host.DisposeAsync();
                host = await GraphHost.StartAsync(store);
                var healed = await ReadAllOrNothingAsync(host, round);
                Assert.True(healed || !acknowledged, $"step {round}: the acknowledged write was lost by the heal");
                Assert.True(!seen || healed, $"step {round}: a visible write was rolled back by the heal");
                Assert.Empty(await host.SidecarsAsync());
                await GraphAssertions.ConsistentAsync(host);
            }

            output.WriteLine($"{faultName}: {durable} durable requests per commit; refusals {string.Join(", ", outcomes)}");
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static string KindOf(BlobRequest request) => request switch
    {
        { IsCreateIfAbsent: true } => "create-if-absent",
        { IsCompareAndSwap: true, Operation: BlobOperation.Put } => "compare-and-swap put",
        { IsCompareAndSwap: true } => "conditional delete",
        _ => request.Operation.ToString().ToLowerInvariant(),
    };

    private static bool IsDurable(BlobRequest request) => request.Operation is BlobOperation.Put or BlobOperation.Delete;

    private static (BlobFault Fault, bool Persistent) FaultNamed(string name) => name switch
    {
        "412" => (BlobFault.ConditionNotMet, false),
        "409" => (BlobFault.BlobAlreadyExists, false),
        "404" => (BlobFault.BlobNotFound, false),
        "500" => (BlobFault.InternalError, true),
        "timeout" => (BlobFault.Timeout, true),
        "timeout-after-applying" => (BlobFault.TimeoutAfterApplying, false),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown fault"),
    };

    /// <summary>Person P{round} and Knows k{round} (Alice → P{round}): two tables, two head moves.</summary>
    private static GraphWriteRequest Write(int round) => new(BranchNames.Main,
    [
        TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons($"P{round}")),
        TableWrite.FromBatches("edge:Knows", TableWriteMode.Upsert, Rows.Edges("edge:Knows", ($"k{round}", "Alice", $"P{round}"))),
    ]);

    /// <summary>One snapshot holds both halves of write <paramref name="round"/> or neither; returns whether it holds them.</summary>
    private static async Task<bool> ReadAllOrNothingAsync(GraphHost host, int round)
    {
        var snapshot = await host.HeadAsync();
        var people = await host.ColumnAsync("node:Person", "id", snapshot);
        var knows = await host.ColumnAsync("edge:Knows", "id", snapshot);
        var hasPerson = people.Contains($"P{round}");
        var hasEdge = knows.Contains($"k{round}");
        Assert.True(hasPerson == hasEdge, $"round {round}: a mixed image (person {hasPerson}, edge {hasEdge})");
        Assert.Equal(people.Count, snapshot.GetTable("node:Person").RowCount);
        Assert.Equal(knows.Count, snapshot.GetTable("edge:Knows").RowCount);
        return hasPerson;
    }
}
