using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.IO;

namespace OmniGraph.Grains.Tests.Durability;

/// <summary>Acknowledged writes are durable and visible: to the writer's next read, to another silo, and after a crash.</summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task AcknowledgedWrites_SurviveAKilledSilo()
    {
        using var directory = new TempDirectory();
        var first = await GraphHost.InitAsync(new LocalDirectoryObjectStore(directory.Path));
        for (var i = 0; i < 5; i++)
        {
            await first.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons($"p{i}")));
        }

        var acknowledged = await first.HeadAsync();
        await first.KillAsync();

        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        Assert.Equal(acknowledged, await fresh.HeadAsync());
        Assert.Equal(["p0", "p1", "p2", "p3", "p4"], await fresh.ColumnAsync("node:Person", "id"));
        await GraphAssertions.ConsistentAsync(fresh);
    }

    [Fact]
    public async Task ReadsAfterAnAcknowledgedWrite_SeeIt_InTheSameSiloAndInAnother()
    {
        using var directory = new TempDirectory();
        await using var writer = await GraphHost.InitAsync(new LocalDirectoryObjectStore(directory.Path));
        await using var reader = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        Assert.Equal(1, (await reader.HeadAsync()).ManifestVersion);

        for (var i = 0; i < 3; i++)
        {
            var result = await writer.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons($"p{i}")));
            Assert.Equal(result.Commit, (await writer.HeadAsync()).Commit);
            Assert.Equal(result.Commit, (await reader.HeadAsync()).Commit);
            Assert.Contains($"p{i}", await reader.ColumnAsync("node:Person", "id"));
        }
    }
}
