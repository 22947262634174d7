using System.Text;
using OmniGraph.Engine;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Storage;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.IO;

namespace OmniGraph.Grains.Tests.Recovery;

/// <summary>A sidecar that cannot be read, or has an unknown format, is refused loudly and kept; reads keep working.</summary>
public sealed class SidecarRefusalTests
{
    public static TheoryData<string, string> DamagedSidecars() => new()
    {
        { "not json at all {", "not valid JSON: line 1, column 2: invalid literal: expected null, found 'o'" },
        { """{"sidecar_format": 99, "tx": "x"}""", "sidecar_format 99 is unknown" },
        { """{"sidecar_format": 1, "tx": "01ARZ3NDEKTSV4RRFFQ69G5FAV"}""", "does not have the expected shape at $ (a member is missing, unknown, repeated or of the wrong kind)" },
        { "[]", "not a JSON object" },
    };

    [Theory]
    [MemberData(nameof(DamagedSidecars))]
    public async Task DamagedSidecar_BlocksWritesNamingTheFile_KeepsIt_AndReadsStillWork(string content, string reason)
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await CrashScenario.BaselineAsync(host);
        var key = GraphObjectKeys.Sidecar(Ulid.NewUlid().ToString());
        await host.Store.PutAsync(key, Encoding.UTF8.GetBytes(content), WriteCondition.IfNotExists);

        var refused = await Assert.ThrowsAsync<RecoveryRequiredException>(() => host.Client.WriteAsync(CrashScenario.Next()));
        Assert.Equal("recovery_required", refused.Code);
        Assert.Equal(key, refused.SidecarKey);
        Assert.Contains(key, refused.Message);
        Assert.Contains(reason, refused.Message);

        // Refused again, never deleted; reads unaffected.
        await Assert.ThrowsAsync<RecoveryRequiredException>(() => host.Client.WriteAsync(CrashScenario.Next()));
        Assert.Equal([key], await host.SidecarsAsync());
        Assert.False(await CrashScenario.ReadAllOrNothingAsync(host));
        Assert.Equal(PendingSidecarState.Refused, Assert.Single((await host.Manifest.GetRecoveryStatusAsync()).Pending).State);

        // Once an operator removes it, writes work again.
        await host.Store.DeleteAsync(key, WriteCondition.None);
        await host.Client.WriteAsync(CrashScenario.Next());
    }

    [Fact]
    public async Task DamagedSidecar_DoesNotStopAFreshSiloFromOpeningAndReading()
    {
        using var directory = new TempDirectory();
        var first = await GraphHost.InitAsync(new LocalDirectoryObjectStore(directory.Path));
        await CrashScenario.BaselineAsync(first);
        await first.DisposeAsync();
        var key = GraphObjectKeys.Sidecar(Ulid.NewUlid().ToString());
        await new LocalDirectoryObjectStore(directory.Path).PutAsync(key, "{"u8.ToArray(), WriteCondition.IfNotExists);

        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        Assert.False(await CrashScenario.ReadAllOrNothingAsync(fresh));
        await Assert.ThrowsAsync<RecoveryRequiredException>(() => fresh.Client.WriteAsync(CrashScenario.Next()));
        Assert.Equal([key], await fresh.SidecarsAsync());
    }

    /// <summary>
    /// A head left by a write nothing covers: another process opened the graph while the writer stood still before its
    /// second head move, fenced the write off and moved its first head back; the writer then moved the second head and
    /// died. The version that write wanted holds the fence, so its head is an orphan (not evidence of a lost version):
    /// the next commit that meets it resets it and goes on.
    /// </summary>
    [Fact]
    public async Task OrphanedHead_LeftByAFencedWriterThatDied_IsRepairedByTheNextCommit()
    {
        var store = new MemoryObjectStore();
        await using (var setup = await GraphHost.InitAsync(store))
        {
            await CrashScenario.BaselineAsync(setup);
        }

        var writer = await GraphHost.StartAsync(store);
        var pause = writer.Failpoints.Arm(Failpoints.CommitTableHeadAdvance, FailpointAction.PauseBefore, hit: 2);
        writer.Failpoints.Arm(Failpoints.CommitTableHeadAdvance, FailpointAction.CrashAfter, hit: 2);
        var write = writer.Client.WriteAsync(CrashScenario.Write());
        await pause.Fired.WaitAsync(TimeSpan.FromSeconds(30));

        await using var healer = await GraphHost.StartAsync(store);
        var fenced = await healer.HeadAsync();
        Assert.Equal(CommitInfo.RecoveryActor, fenced.Commit.Actor);
        Assert.Empty(await healer.SidecarsAsync());

        pause.Release();
        await Assert.ThrowsAsync<SimulatedCrashException>(() => write.WaitAsync(TimeSpan.FromSeconds(30)));
        await writer.KillAsync();

        var orphan = await healer.Table("node:Person").GetHeadRecordAsync(refresh: true);
        Assert.Equal(fenced.ManifestVersion, orphan.ManifestVersion);
        Assert.Equal(fenced.GetTable("node:Person").Version + 1, orphan.Head!.Version);

        await healer.Client.WriteAsync(CrashScenario.Next());
        await GraphAssertions.ConsistentAsync(healer);
        var people = await healer.ColumnAsync("node:Person", "id");
        Assert.DoesNotContain("Carol", people);
        Assert.Contains("Dave", people);
    }

    [Fact]
    public async Task HeadCoveredByALiveSidecar_IsNotTakenForAnOrphan()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore(), configure: o => o.StaleSidecarAge = TimeSpan.FromHours(1));
        await CrashScenario.BaselineAsync(host);

        // A write of another process stands still after moving its first head (its sidecar is young and incomplete).
        var other = await GraphHost.StartAsync(host.Store, o => o.StaleSidecarAge = TimeSpan.FromHours(1));
        await using (other)
        {
            var pause = other.Failpoints.Arm(Failpoints.CommitTableHeadAdvance, FailpointAction.PauseBefore, hit: 2);
            var write = other.Client.WriteAsync(CrashScenario.Write());
            await pause.Fired.WaitAsync(TimeSpan.FromSeconds(30));

            // Knows' head belongs to the paused write: a write touching Knows here must not steal it.
            var conflict = await Assert.ThrowsAsync<ReadSetChangedException>(() => host.WriteAsync(
                TableWrite.FromBatches("edge:Knows", TableWriteMode.Upsert, Rows.Edges("edge:Knows", ("k9", "Bob", "Alice")))));
            Assert.StartsWith("table:edge:Knows", conflict.Member);

            pause.Release();
            await write.WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.True(await CrashScenario.ReadAllOrNothingAsync(host));
        await GraphAssertions.ConsistentAsync(host);
    }
}
