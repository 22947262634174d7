using OmniGraph.Abstractions;
using OmniGraph.Ingest;
using OmniGraph.Loading.Tests.Support;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Loading.Tests.Loads;

/// <summary><c>@unique</c> through loads, within one file and across versions (AC-37, load parts).</summary>
public sealed class UniqueLoadTests
{
    [Fact]
    public async Task OneLoad_TwoUsersWithTheSameEmail_IsRefused()
    {
        await using var host = await LoadingHost.InitAsync(AcceptanceFixtures.UniqueUsersSchema);

        var error = await ErrorAssert.ThrowsAsync<IngestException>(ErrorCodes.UniqueViolation, () => host.LoadLinesAsync(
            GraphLoadMode.Overwrite,
            """{"type":"User","data":{"name":"Alice","email":"dup@example.com"}}""",
            """{"type":"User","data":{"name":"Bob","email":"dup@example.com"}}"""));

        Assert.Contains("@unique violation on User.email", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await host.HeadAsync()).ManifestVersion);
    }

    [Fact]
    public async Task Append_ValueHeldByACommittedRow_RejectsTheWholeBatch()
    {
        await using var host = await LoadingHost.InitAsync(AcceptanceFixtures.UniqueUsersSchema);
        await host.LoadLinesAsync(GraphLoadMode.Append, """{"type":"User","data":{"name":"Bob","email":"dup@example.com"}}""");

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.UniqueViolation, () => host.LoadLinesAsync(
            GraphLoadMode.Append,
            """{"type":"User","data":{"name":"Carol","email":"dup@example.com"}}""",
            """{"type":"User","data":{"name":"Dave","email":"dave@example.com"}}"""));

        Assert.Contains("@unique violation on User.email", error.Message, StringComparison.Ordinal);
        Assert.Equal(["Bob"], await host.ColumnAsync("node:User", "id"));
    }

    [Fact]
    public async Task Merge_SameUserTwice_IsNotAViolation()
    {
        await using var host = await LoadingHost.InitAsync(AcceptanceFixtures.UniqueUsersSchema);
        const string line = """{"type":"User","data":{"name":"Alice","email":"alice@example.com"}}""";

        await host.LoadLinesAsync(GraphLoadMode.Merge, line);
        await host.LoadLinesAsync(GraphLoadMode.Merge, line);

        Assert.Equal(["Alice"], await host.ColumnAsync("node:User", "id"));
        Assert.Equal(3, (await host.HeadAsync()).ManifestVersion);
    }

    [Fact]
    public async Task UniqueDate_AcrossAppends()
    {
        await using var host = await LoadingHost.InitAsync("""
            node Task {
                name: String @key
                due: Date @unique
            }
            """);
        await host.LoadLinesAsync(GraphLoadMode.Append, """{"type":"Task","data":{"name":"T1","due":"2026-06-29"}}""");

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.UniqueViolation, () =>
            host.LoadLinesAsync(GraphLoadMode.Append, """{"type":"Task","data":{"name":"T2","due":"2026-06-29"}}"""));
        await host.LoadLinesAsync(GraphLoadMode.Append, """{"type":"Task","data":{"name":"T2","due":"2026-07-01"}}""");

        Assert.Contains("@unique violation on Task.due", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await host.ColumnAsync("node:Task", "id")).Count);
    }

    [Fact]
    public async Task CompositeUnique_InOneOverwrite_NamesBothColumns()
    {
        await using var host = await LoadingHost.InitAsync("""
            node ExternalID {
                slug: String @key
                source: String @index
                external_id: String @index
                @unique(source, external_id)
            }
            """);
        await host.LoadLinesAsync(
            GraphLoadMode.Overwrite,
            """{"type":"ExternalID","data":{"slug":"a","source":"whatsapp","external_id":"+E.164"}}""",
            """{"type":"ExternalID","data":{"slug":"b","source":"whatsapp","external_id":"pn:12345"}}""");
        Assert.Equal(2, (await host.ColumnAsync("node:ExternalID", "id")).Count);

        var error = await ErrorAssert.ThrowsAsync<IngestException>(ErrorCodes.UniqueViolation, () => host.LoadLinesAsync(
            GraphLoadMode.Overwrite,
            """{"type":"ExternalID","data":{"slug":"c","source":"whatsapp","external_id":"dup"}}""",
            """{"type":"ExternalID","data":{"slug":"d","source":"whatsapp","external_id":"dup"}}"""));

        Assert.Contains("source", error.Message, StringComparison.Ordinal);
        Assert.Contains("external_id", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await host.ColumnAsync("node:ExternalID", "id")).Count);
    }
}
