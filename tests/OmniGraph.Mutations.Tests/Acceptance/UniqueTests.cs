using OmniGraph.Mutations.Tests.Support;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Mutations.Tests.Acceptance;

/// <summary>AC-37, mutation parts: <c>@unique</c> against committed rows and within the mutation, freed values, composite constraints.</summary>
public sealed class UniqueTests
{
    private const string Users = "node User { name: String @key  email: String?  @unique(email) }";
    private const string InsertUser = "query i($name: String, $email: String) { insert User { name: $name, email: $email } }";

    [Fact]
    public async Task SecondHolderOfAUniqueValue_IsRefused()
    {
        await using var host = await MutationHost.InitAsync(Users);
        await host.RunAsync(InsertUser, """{"name":"Bob","email":"dup@example.com"}""");
        var before = await host.HeadAsync();

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.UniqueViolation, () => host.RunAsync(InsertUser, """{"name":"Carol","email":"dup@example.com"}"""));

        Assert.Contains("@unique violation on User.email", error.Message, StringComparison.Ordinal);
        Assert.Equal(["Bob"], await host.IdsAsync("node:User"));
        Assert.Equal(before.Commit, (await host.HeadAsync()).Commit);
    }

    [Fact]
    public async Task ReinsertingTheSameKeyWithItsOwnValue_IsAnUpsert_NotAViolation()
    {
        await using var host = await MutationHost.InitAsync(Users);

        await host.RunAsync(InsertUser, """{"name":"Alice","email":"alice@example.com"}""");
        await host.RunAsync(InsertUser, """{"name":"Alice","email":"alice@example.com"}""");

        Assert.Equal(["Alice"], await host.IdsAsync("node:User"));
    }

    [Fact]
    public async Task ChainedUpdates_FreeAValue_ThatALaterInsertReuses()
    {
        await using var host = await MutationHost.InitAsync(Users, """{"type":"User","data":{"name":"Alice","email":"orig"}}""");
        const string reassign = """
            query reassign() {
                update User set { email: "temp" } where name = "Alice"
                update User set { email: "final" } where name = "Alice"
                insert User { name: "Carol", email: "temp" }
            }
            """;

        var change = await host.RunAsync(reassign);

        Assert.Equal(3, change.AffectedNodes);
        Assert.Equal("final", (await host.FindAsync("node:User", "Alice"))!["email"]);
        Assert.Equal("temp", (await host.FindAsync("node:User", "Carol"))!["email"]);
    }

    [Fact]
    public async Task UpdateByAUniqueProperty_FindsTheHolder()
    {
        await using var host = await MutationHost.InitAsync(Users, """
            {"type":"User","data":{"name":"Alice","email":"a@x"}}
            {"type":"User","data":{"name":"Bob","email":"b@x"}}
            """);

        var change = await host.RunAsync("""query u() { update User set { email: "b2@x" } where email = "b@x" }""");
        var none = await host.RunAsync("""query u() { update User set { email: "zz" } where email = "nobody@x" }""");

        Assert.Equal(1, change.AffectedNodes);
        Assert.Equal(0, none.AffectedNodes);
        Assert.Equal("b2@x", (await host.FindAsync("node:User", "Bob"))!["email"]);
    }

    [Fact]
    public async Task UniqueDate_IsEnforcedAcrossCommits()
    {
        await using var host = await MutationHost.InitAsync("node Task { name: String @key  due: Date @unique }");
        const string insert = "query i($name: String, $due: Date) { insert Task { name: $name, due: $due } }";
        await host.RunAsync(insert, """{"name":"T1","due":"2026-06-29"}""");

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.UniqueViolation, () => host.RunAsync(insert, """{"name":"T2","due":"2026-06-29"}"""));
        await host.RunAsync(insert, """{"name":"T2","due":"2026-07-01"}""");

        Assert.Contains("@unique violation on Task.due", error.Message, StringComparison.Ordinal);
        Assert.Equal(["T1", "T2"], await host.IdsAsync("node:Task"));
    }

    [Fact]
    public async Task CompositeUnique_WithinOneMutation_NamesBothColumns()
    {
        await using var host = await MutationHost.InitAsync(
            "node ExternalID { slug: String @key  source: String @index  external_id: String @index  @unique(source, external_id) }",
            """
            {"type":"ExternalID","data":{"slug":"a","source":"whatsapp","external_id":"+E.164"}}
            {"type":"ExternalID","data":{"slug":"b","source":"whatsapp","external_id":"pn:12345"}}
            """);
        const string both = """
            query i() {
                insert ExternalID { slug: "c", source: "whatsapp", external_id: "dup" }
                insert ExternalID { slug: "d", source: "whatsapp", external_id: "dup" }
            }
            """;

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.UniqueViolation, () => host.RunAsync(both));

        Assert.Contains("source", error.Message, StringComparison.Ordinal);
        Assert.Contains("external_id", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await host.RowsAsync("node:ExternalID")).Count);
    }
}
