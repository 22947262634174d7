using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Testing.Assertions;

namespace OmniGraph.Grains.Tests.Recovery;

/// <summary>
/// The two-table write the recovery tests break: the baseline graph holds Alice, Bob and Knows k0 (Alice → Bob); the
/// write W adds Carol and Knows k1 (Alice → Carol). Table-key order is <c>edge:Knows</c> then <c>node:Person</c>, so
/// the first head move is Knows and the second Person. A reader sees W entirely or not at all.
/// </summary>
internal static class CrashScenario
{
    public const string WriteActor = "w";
    public const string NextActor = "w2";

    /// <summary>
    /// Writes the baseline (by <paramref name="actor"/>, none by default) and waits until its completion (heads, sidecar
    /// delete) is done, so failpoints armed next meet only W.
    /// </summary>
    public static async Task BaselineAsync(GraphHost host, string? actor = null)
    {
        await host.Client.WriteAsync(new GraphWriteRequest(BranchNames.Main,
        [
            TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice", "Bob")),
            TableWrite.FromBatches("edge:Knows", TableWriteMode.Upsert, Rows.Edges("edge:Knows", ("k0", "Alice", "Bob"))),
        ])
        { Actor = actor });
        await host.Manifest.GetRecoveryStatusAsync();
    }

    public static GraphWriteRequest Write() => new(BranchNames.Main,
    [
        TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Carol")),
        TableWrite.FromBatches("edge:Knows", TableWriteMode.Upsert, Rows.Edges("edge:Knows", ("k1", "Alice", "Carol"))),
    ])
    { Actor = WriteActor };

    public static GraphWriteRequest Next() => new(BranchNames.Main, [TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Dave"))]) { Actor = NextActor };

    /// <summary>Reads one snapshot and checks that it holds all of W or none of it; returns whether it holds W.</summary>
    public static async Task<bool> ReadAllOrNothingAsync(GraphHost host)
    {
        var snapshot = await host.HeadAsync();
        var people = await host.ColumnAsync("node:Person", "id", snapshot);
        var knows = await host.ColumnAsync("edge:Knows", "id", snapshot);
        var hasCarol = people.Contains("Carol");
        var hasK1 = knows.Contains("k1");
        Assert.True(hasCarol == hasK1, $"a mixed image: Carol {(hasCarol ? "present" : "absent")}, k1 {(hasK1 ? "present" : "absent")}");
        Assert.Contains("Alice", people);
        Assert.Contains("k0", knows);
        Assert.Equal(people.Count, snapshot.GetTable("node:Person").RowCount);
        Assert.Equal(knows.Count, snapshot.GetTable("edge:Knows").RowCount);
        return hasCarol;
    }

    /// <summary>After the heal: consistent, linear, and W published exactly once if it rolled forward (else at most one fence).</summary>
    public static async Task AssertHealedAsync(GraphHost host, bool rolledForward, bool nextWritten)
    {
        await GraphAssertions.ConsistentAsync(host);
        Assert.Equal(rolledForward, await ReadAllOrNothingAsync(host));
        var history = await GraphAssertions.LinearHistoryAsync(host);
        Assert.Equal(rolledForward ? 1 : 0, history.Count(static c => c.Actor == WriteActor));
        Assert.True(history.Count(static c => c.Actor == CommitInfo.RecoveryActor) <= 1);
        if (rolledForward)
        {
            Assert.Equal(0, history.Count(static c => c.Actor == CommitInfo.RecoveryActor));
        }

        Assert.Equal(nextWritten ? 1 : 0, history.Count(static c => c.Actor == NextActor));
        if (nextWritten)
        {
            Assert.Contains("Dave", await host.ColumnAsync("node:Person", "id"));
        }
    }
}
