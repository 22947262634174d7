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

    [Fact]
    public async Task Handshake_ChecksTheBearerTokenTheFlightWay()
    {
        var token = SecuredServerFixture.Tokens["act-rita"];
        foreach (var payload in new[] { token, $"Bearer {token}" })
        {
            using var call = _flight.Client.Handshake();
            await call.RequestStream.WriteAsync(new Apache.Arrow.Flight.FlightHandshakeRequest(Google.Protobuf.ByteString.CopyFromUtf8(payload)));
            await call.RequestStream.CompleteAsync();
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal(token, call.ResponseStream.Current.Payload.ToStringUtf8());
            Assert.Equal($"Bearer {token}", (await call.ResponseHeadersAsync).GetValue("authorization"));
        }

        // The token in the call's header, with an empty payload, is the same check.
        using (var byHeader = _flight.Client.Handshake(Bearer(token)))
        {
            await byHeader.RequestStream.WriteAsync(new Apache.Arrow.Flight.FlightHandshakeRequest(Google.Protobuf.ByteString.Empty));
            await byHeader.RequestStream.CompleteAsync();
            Assert.True(await byHeader.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal(token, byHeader.ResponseStream.Current.Payload.ToStringUtf8());
        }

        await FlightAssert.FailsAsync(StatusCode.Unauthenticated, "unauthorized", async () =>
        {
            using var wrong = _flight.Client.Handshake();
            await wrong.RequestStream.WriteAsync(new Apache.Arrow.Flight.FlightHandshakeRequest(Google.Protobuf.ByteString.CopyFromUtf8("not-a-token")));
            await wrong.RequestStream.CompleteAsync();
            await wrong.ResponseStream.MoveNext(CancellationToken.None);
        });
    }

    [Fact]
    public async Task ListFlights_NeedsAToken_AndLeavesOutGraphsTheCallerMayNotRead()
    {
        await FlightAssert.FailsAsync(StatusCode.Unauthenticated, "unauthorized", async () =>
        {
            using var call = _flight.Client.ListFlights(new Apache.Arrow.Flight.FlightCriteria());
            await call.ResponseStream.MoveNext(CancellationToken.None);
        });

        // act-zed may read no graph bound to the policy: asking for one lists nothing rather than refusing.
        using var zed = _flight.Client.ListFlights(new Apache.Arrow.Flight.FlightCriteria("g"), Bearer(SecuredServerFixture.Tokens["act-zed"]));
        Assert.False(await zed.ResponseStream.MoveNext(CancellationToken.None));
    }

    private static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };
}
