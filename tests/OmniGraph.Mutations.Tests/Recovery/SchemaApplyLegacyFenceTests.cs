using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Mutations.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.Fixtures;
using OmniGraph.Testing.IO;
using OmniGraph.Testing.Recovery;

namespace OmniGraph.Mutations.Tests.Recovery;

/// <summary>
/// A schema apply whose sidecar is of the earlier protocol (format 1: heads moved before the publish) and incomplete is
/// rolled back behind a fence. The fence is the base exactly: the old schema with the old table set, never the new schema
/// hash over the old tables (a renamed table would vanish, an added required column would be missing from old rows).
/// </summary>
public sealed class SchemaApplyLegacyFenceTests
{
    private const string Desired = """
        node Human @rename_from("Person") {
            name: String @key
            age: I32?
            rank: I32 @default(7)
        }

        node Company {
            name: String @key
        }

        edge Knows: Human -> Human {
            since: Date?
        }

        edge WorksAt: Human -> Company
        """;

    [Fact]
    public async Task AnIncompleteLegacySchemaApplySidecar_IsFencedWithTheBaseSchemaAndTables()
    {
        using var directory = new TempDirectory();
        var first = await MutationHost.InitAsync(AcceptanceFixtures.TestSchema, AcceptanceFixtures.TestData, new LocalDirectoryObjectStore(directory.Path));
        var before = await first.HeadAsync();
        first.Failpoints.Arm(Failpoints.CommitManifestPublish, FailpointAction.FailBefore);
        await Assert.ThrowsAnyAsync<Exception>(() => first.Client.ApplySchemaAsync(new SchemaApplyRequest(Desired)));
        first.Failpoints.DisarmAll();

        // As the earlier protocol left it: no head moved, so the write is incomplete and the heal fences it.
        await LegacySidecar.RewriteAsync(first.Store);
        await first.KillAsync();

        await using var fresh = await MutationHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        var head = await fresh.HeadAsync();
        Assert.Equal(before.ManifestVersion + 1, head.ManifestVersion);
        Assert.Equal(CommitKinds.RecoveryRollback, head.Commit.Kind);
        Assert.Equal(before.SchemaHash, head.SchemaHash);
        Assert.Equal(before.Tables.Select(static t => (t.Table, t.Version, t.SchemaHash)), head.Tables.Select(static t => (t.Table, t.Version, t.SchemaHash)));
        Assert.DoesNotContain("Human", (await fresh.Client.GetSchemaAsync()).SchemaSource, StringComparison.Ordinal);
        Assert.Equal(["Alice", "Bob", "Charlie", "Diana"], await fresh.IdsAsync("node:Person"));
        await GraphAssertions.ConsistentAsync(fresh);

        // The apply, run again, lands whole: old rows read the default.
        Assert.True((await fresh.Client.ApplySchemaAsync(new SchemaApplyRequest(Desired))).Applied);
        Assert.All(await fresh.RowsAsync("node:Human"), static row => Assert.Equal(7, Convert.ToInt32(row["rank"], System.Globalization.CultureInfo.InvariantCulture)));
        await GraphAssertions.ConsistentAsync(fresh);
    }
}
