using Apache.Arrow;
using Grpc.Core;
using OmniGraph.Server.Flight;
using OmniGraph.Server.Tests.Security;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Server.Tests.Flight;

/// <summary>The Flight service under bearer tokens and a policy: the same tokens, actions and denials as the HTTP routes.</summary>
[Collection(SecuredServerCollection.Name)]
public sealed class FlightAccessTests(SecuredServerFixture fixture) : IDisposable
{
    private readonly (Grpc.Net.Client.GrpcChannel Channel, Apache.Arrow.Flight.Client.FlightClient Client) _flight = FlightFixture.Connect(fixture.Server);

    private static FlightReadTicket Adults(string graph) => new(graph, AcceptanceFixtures.TestQueries, "adults");

    public void Dispose() => _flight.Channel.Dispose();

    [Fact]
    public async Task DoGet_WithoutAValidToken_IsUnauthenticated()
    {
        await FlightAssert.FailsAsync(StatusCode.Unauthenticated, "unauthorized", () => FlightFixture.ReadAsync(_flight.Client, Adults("g")));
        await FlightAssert.FailsAsync(StatusCode.Unauthenticated, "unauthorized", () => FlightFixture.ReadAsync(_flight.Client, Adults("g"), Bearer("not-a-token")));

        // The token is checked before the ticket is read: an unknown graph tells nothing to a caller without one.
        await FlightAssert.FailsAsync(StatusCode.Unauthenticated, "unauthorized", () => FlightFixture.ReadAsync(_flight.Client, Adults("nope")));
    }

    [Fact]
    public async Task DoGet_IsDecidedAsARead()
    {
        var (batches, _, _) = await FlightFixture.ReadAsync(_flight.Client, Adults("g"), Bearer(SecuredServerFixture.Tokens["act-rita"]));
        Assert.Equal(1, batches.Sum(static b => b.Length));

        var denied = await FlightAssert.FailsAsync(StatusCode.PermissionDenied, "forbidden", () => FlightFixture.ReadAsync(_flight.Client, Adults("g"), Bearer(SecuredServerFixture.Tokens["act-zed"])));
        Assert.Contains("act-zed", denied.Message, StringComparison.Ordinal);

        // A graph without a policy is default-deny for everything but reads.
        await FlightFixture.ReadAsync(_flight.Client, Adults("d"), Bearer(SecuredServerFixture.Tokens["act-zed"]));
    }

    [Fact]
    public async Task DoPut_IsDecidedAsAChange_AndADenialWritesNothing()
    {
        var before = await fixture.CommitCountAsync("w");
        var rows = new RecordBatch.Builder().Append("name", false, column => column.String(array => array.Append("Flighty"))).Build();
        var command = new FlightPutCommand("w", Node: "Person");
        await FlightAssert.FailsAsync(StatusCode.PermissionDenied, "forbidden", () => FlightFixture.PutAsync(_flight.Client, command, [rows], Bearer(SecuredServerFixture.Tokens["act-rita"])));
        await FlightAssert.FailsAsync(StatusCode.Unauthenticated, "unauthorized", () => FlightFixture.PutAsync(_flight.Client, command, [rows]));
        Assert.Equal(before, await fixture.CommitCountAsync("w"));

        var receipt = await FlightFixture.PutAsync(_flight.Client, command, [rows], Bearer(SecuredServerFixture.Tokens["act-andrew"]));
        Assert.Contains("\"actor_id\":\"act-andrew\"", receipt, StringComparison.Ordinal);
        Assert.Equal(before + 1, await fixture.CommitCountAsync("w"));
    }

    [Fact]
    public async Task TheActorIsTheTokens_NeverAHeader()
    {
        var headers = Bearer(SecuredServerFixture.Tokens["act-zed"]);
        headers.Add("x-actor-id", "act-andrew");
        await FlightAssert.FailsAsync(StatusCode.PermissionDenied, "forbidden", () => FlightFixture.ReadAsync(_flight.Client, Adults("g"), headers));
    }

    private static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };
}
