using System.Text;
using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Tables.Storage;
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
    /// A head left by a write nothing covers, as a writer of the earlier protocol (which moved heads before publishing)
    /// could leave it: another process fenced the write off and rolled it back, then the dying writer moved a head once
    /// more. The version that write wanted holds the fence, so its head is an orphan (not evidence of a lost version): the
    /// next commit that meets it, when it moves its heads, resets it and goes on.
    /// </summary>
    [Fact]
    public async Task OrphanedHead_LeftByAFencedWriterThatDied_IsRepairedByTheNextCommit()
    {
        var store = new MemoryObjectStore();
        await using (var setup = await GraphHost.InitAsync(store))
        {
            await CrashScenario.BaselineAsync(setup);
        }

        // The dying writer's sidecar, as the earlier protocol wrote it (heads before the publish; none moved yet): a
        // process opening the graph fences it off.
        var writer = await GraphHost.StartAsync(store);
        writer.Failpoints.Arm(Failpoints.CommitManifestPublish, FailpointAction.FailBefore);
        await Assert.ThrowsAsync<RecoveryRequiredException>(() => writer.Client.WriteAsync(CrashScenario.Write()));
        var sidecar = await LegacySidecars.MakeLegacyAsync(writer);
        await writer.KillAsync();

        await using var healer = await GraphHost.StartAsync(store);
        var fenced = await healer.HeadAsync();
        Assert.Equal(CommitInfo.RecoveryActor, fenced.Commit.Actor);
        Assert.Empty(await healer.SidecarsAsync());

        var person = sidecar["tables"]!.AsArray().Single(t => (string)t!["staged"]!["table"]! == "node:Person")!;
        await healer.TableProtocol("node:Person").AdvanceHeadAsync(new TableHeadMove((string)sidecar["tx"]!, LegacySidecars.ToRef(person["expected"]!), LegacySidecars.ToRef(person["staged"]!), fenced.ManifestVersion));
        var orphan = await healer.TableProtocol("node:Person").GetHeadRecordAsync(refresh: true);
        Assert.Equal(fenced.ManifestVersion, orphan.ManifestVersion);
        Assert.Equal(fenced.GetTable("node:Person").Version + 1, orphan.Head!.Version);

        await healer.Client.WriteAsync(CrashScenario.Next());
        await GraphAssertions.ConsistentAsync(healer);
        var people = await healer.ColumnAsync("node:Person", "id");
        Assert.DoesNotContain("Carol", people);
        Assert.Contains("Dave", people);
    }

    /// <summary>
    /// A write of another process is published and acknowledged but stands still before moving its first head (its
    /// sidecar is young): a write here does not wait for it and does not take its lagging heads for damage. Its entry rolls
    /// the other write forward (a published write is always safe to finish), it commits on top, and the other write's
    /// late completion finds its work done.
    /// </summary>
    [Fact]
    public async Task PublishedWriteOfAnotherProcess_StillBeingCompleted_IsRolledForwardByTheNextWrite()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore(), configure: o => o.StaleSidecarAge = TimeSpan.FromHours(1));
        await CrashScenario.BaselineAsync(host);

        var other = await GraphHost.StartAsync(host.Store, o => o.StaleSidecarAge = TimeSpan.FromHours(1));
        await using (other)
        {
            var pause = other.Failpoints.Arm(Failpoints.CommitTableHeadAdvance, FailpointAction.PauseBefore);
            await other.Client.WriteAsync(CrashScenario.Write());
            await pause.Fired.WaitAsync(TimeSpan.FromSeconds(30));

            await host.WriteAsync(TableWrite.FromBatches("edge:Knows", TableWriteMode.Upsert, Rows.Edges("edge:Knows", ("k9", "Bob", "Alice"))));
            await GraphAssertions.ConsistentAsync(host);

            pause.Release();
            await other.Manifest.GetRecoveryStatusAsync();
        }

        Assert.True(await CrashScenario.ReadAllOrNothingAsync(host));
        Assert.Contains("k9", await host.ColumnAsync("edge:Knows", "id"));
        await GraphAssertions.ConsistentAsync(host);
        Assert.Equal(4, (await GraphAssertions.LinearHistoryAsync(host)).Count);
    }
}
