using OmniGraph.Abstractions;
using OmniGraph.Mutations.Tests.Support;
using OmniGraph.Query;
using OmniGraph.Storage;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Mutations.Tests.Acceptance;

/// <summary>Bad requests fail with a typed error and a stable code, and leave the graph as it was.</summary>
public sealed class RequestErrorTests
{
    public static TheoryData<string, string?, string?, string> CompileAndBindErrors() => new()
    {
        { "", null, null, ErrorCodes.QueryEmptySource },
        { "// only a comment", null, null, ErrorCodes.QueryEmptySource },
        { AcceptanceFixtures.MutationQueries, "nope", null, ErrorCodes.QueryNotFound },
        { AcceptanceFixtures.MutationQueries, null, null, ErrorCodes.QueryNameRequired },
        { "query r() { match { $p: Person } return { $p.name } }", null, null, ErrorCodes.QueryKindMismatch },
        { "query i( { insert Person { name: \"x\" } }", null, null, ErrorCodes.QueryParseError },
        { "query i() { insert Person { nme: \"x\" } }", null, null, ErrorCodes.QueryTypeError },
        { "query i() { insert Ghost { name: \"x\" } }", null, null, ErrorCodes.QueryTypeError },
        { AcceptanceFixtures.MutationQueries, "insert_person", """{"name":"Eve","age":"old"}""", ErrorCodes.QueryParameterInvalid },
        { AcceptanceFixtures.MutationQueries, "insert_person", """{"name":"Eve","age":3000000000}""", ErrorCodes.QueryParameterInvalid },
        { AcceptanceFixtures.MutationQueries, "insert_person", "[1,2]", ErrorCodes.QueryParameterInvalid },
        { AcceptanceFixtures.MutationQueries, "insert_person", "{not json", ErrorCodes.QueryParameterInvalid },
        { AcceptanceFixtures.MutationQueries, "insert_person", """{"name":"Eve"}""", ErrorCodes.QueryParameterMissing },
        { AcceptanceFixtures.MutationQueries, "insert_person", """{"name":null,"age":3}""", ErrorCodes.QueryParameterInvalid },
    };

    [Theory]
    [MemberData(nameof(CompileAndBindErrors))]
    public async Task CompileAndParameterErrors_AreTyped_AndWriteNothing(string source, string? name, string? parameters, string code)
    {
        await using var host = await MutationHost.StandardAsync();
        var before = await host.HeadAsync();

        var error = await Assert.ThrowsAnyAsync<QueryException>(() => host.MutateAsync(name, parameters, source));

        Assert.Equal(code, error.Code);
        Assert.Equal(before.Commit, (await host.HeadAsync()).Commit);
    }

    [Fact]
    public async Task MalformedRequests_AreRefusedBeforeAnything()
    {
        await using var host = await MutationHost.StandardAsync();
        var grain = host.Client.Grains.GetGrain<IMutationGrain>(MutationHost.GraphId);

        var noSource = await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidMutationRequest, () => grain.MutateAsync(new MutationRequest(null!)));
        var noBranch = await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidMutationRequest, () => grain.MutateAsync(new MutationRequest(AcceptanceFixtures.MutationQueries, "set_age") { Branch = "" }));
        var emptyHead = await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidMutationRequest, () => grain.MutateAsync(new MutationRequest(AcceptanceFixtures.MutationQueries, "set_age") { ExpectedHeadCommit = "" }));
        var notACommit = await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidMutationRequest, () => grain.MutateAsync(new MutationRequest(AcceptanceFixtures.MutationQueries, "set_age") { ExpectedHeadCommit = "zzz" }));

        Assert.All([noSource, noBranch, emptyHead, notACommit], static e => Assert.Equal("invalid_mutation_request", e.Code));
        Assert.Equal("invalid mutation request: the expected head commit 'zzz' is not a commit id (a 26-character ULID)", notACommit.Message);
    }

    /// <summary>A cancelled mutation runs nothing and publishes nothing.</summary>
    [Fact]
    public async Task CancelledMutation_PublishesNothing()
    {
        await using var host = await MutationHost.StandardAsync();
        var before = await host.HeadAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Client.MutateAsync(
            new MutationRequest(AcceptanceFixtures.MutationQueries, "insert_person") { Parameters = """{"name":"Eve","age":1}""" },
            new CancellationToken(canceled: true)));

        Assert.Equal(before.Commit, (await host.HeadAsync()).Commit);
        Assert.Empty(await host.SidecarsAsync());
    }

    [Fact]
    public async Task NullEdgeEndpoint_IsAConstraintViolation()
    {
        await using var host = await MutationHost.StandardAsync();

        var error = await Assert.ThrowsAsync<OmniGraphException>(() =>
            host.RunAsync("query k($a: String?, $b: String) { insert Knows { from: $a, to: $b } }", """{"b":"Alice"}"""));

        Assert.Equal("constraint_violation", error.Code);
        Assert.Equal("edge Knows: `from` is null", error.Message);
    }

    [Fact]
    public async Task UninitialisedGraph_IsATypedError()
    {
        await using var host = await MutationHost.StartAsync(new MemoryObjectStore());

        var error = await Assert.ThrowsAnyAsync<OmniGraphException>(() => host.MutateAsync("insert_person", """{"name":"Eve","age":1}"""));

        Assert.Equal("graph_not_initialized", error.Code);
    }

    /// <summary>AC-34 is not adopted: more than 8,192 keyed entities per table in one mutation are fine.</summary>
    [Fact]
    public async Task NoSmallEntityCap_8193InsertsAndAn8193RowUpdate_Succeed()
    {
        await using var host = await MutationHost.InitAsync("node Thing { key: String @key  marked: Bool? }");
        var inserts = string.Concat(Enumerable.Range(0, 8193).Select(static i => $"insert Thing {{ key: \"t{i}\" }}\n"));

        var inserted = await host.RunAsync($"query many() {{\n{inserts}}}");
        var updated = await host.RunAsync("""query mark() { update Thing set { marked: true } where key != "" }""");

        Assert.Equal(8193, inserted.AffectedNodes);
        Assert.Equal(8193, updated.AffectedNodes);
        Assert.All(await host.RowsAsync("node:Thing"), static r => Assert.Equal("true", r["marked"]));
    }

    [Fact]
    public async Task ConfiguredRowLimit_RefusesLargerChanges_BeforeAnyEffect()
    {
        var host = await MutationHost.StartAsync(new MemoryObjectStore(), mutations: static o => o.MaxRowsPerTable = 2);
        await using (host)
        {
            await host.Client.InitializeAsync("node Thing { key: String @key }");
            var before = await host.HeadAsync();

            var error = await ErrorAssert.ThrowsAsync(ErrorCodes.ResourceLimit, () =>
                host.RunAsync("""query many() { insert Thing { key: "a" }  insert Thing { key: "b" }  insert Thing { key: "c" } }"""));

            Assert.Equal("resource_limit", error.Code);
            Assert.Equal("mutation rows for node:Thing", error.Get(ErrorDetail.Resource));
            Assert.Equal((2, 3), (error.Get(ErrorDetail.Limit), error.Get(ErrorDetail.Count)));
            Assert.Equal(before.Commit, (await host.HeadAsync()).Commit);
            await host.RunAsync("""query two() { insert Thing { key: "a" }  insert Thing { key: "b" } }""");
        }
    }
}
