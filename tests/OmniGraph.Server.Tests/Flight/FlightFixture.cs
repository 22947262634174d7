using Apache.Arrow.Flight;
using Apache.Arrow.Flight.Client;
using Grpc.Core;
using Grpc.Net.Client;
using OmniGraph.Server.Flight;
using OmniGraph.Server.Hosting;
using OmniGraph.Server.Tests.Support;
using OmniGraph.Testing.IO;

namespace OmniGraph.Server.Tests.Flight;

/// <summary>
/// A server of its own for the Flight tests (open mode): graph <c>f</c> with the acceptance data, which the put tests
/// write to, and a Flight batch size of <see cref="BatchRows"/> rows, so a read of a few thousand rows is streamed in
/// many batches. Graph <c>f</c> has the stored queries <see cref="StoredQueries"/> (two reads, one mutation) that
/// <c>ListFlights</c> lists, and a put may send at most <see cref="MaxPutBytes"/>.
/// </summary>
public sealed class FlightFixture : IAsyncLifetime
{
    /// <summary>The most rows of one streamed batch.</summary>
    public const int BatchRows = 100;

    /// <summary>The most Arrow bytes of one put (<see cref="OmniGraphServerOptions.MaxFlightPutBytes"/>).</summary>
    public const long MaxPutBytes = 512 * 1024;

    /// <summary>The stored queries of graph <c>f</c>.</summary>
    public const string StoredQueries = """
        query stored_everyone() { match { $p: Person } return { $p.name } order { $p.name asc } }
        query stored_person($name: String) { match { $p: Person { name: $name } } return { $p.name, $p.age } }
        query stored_add($name: String) { insert Person { name: $name } }
        """;

    private readonly TempDirectory _root = new();

    public OmniGraphServer Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    /// <summary>The Flight client of the server (cleartext HTTP/2 to the same port as the HTTP routes).</summary>
    public FlightClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await ServerFixture.CreateGraphAsync(_root.Combine("f"));
        var file = _root.Combine("stored.gq");
        await File.WriteAllTextAsync(file, StoredQueries);
        var added = await InProcessCli.RunAsync("queries", "add", _root.Combine("f"), "--query", file);
        Assert.True(added.ExitCode == 0, added.Error);
        File.Delete(file);
        var options = ServerFixture.Options(_root.Path);
        options.FlightBatchRows = BatchRows;
        options.MaxFlightPutBytes = MaxPutBytes;
        options.PerActorInFlightMax = 16;
        Server = await OmniGraphServer.StartAsync(options);
        Http = new HttpClient { BaseAddress = Server.BaseAddress };
        (Channel, Client) = Connect(Server);
    }

    public async Task DisposeAsync()
    {
        Channel.Dispose();
        Http.Dispose();
        await Server.DisposeAsync();
        _root.Dispose();
    }

    /// <summary>A Flight client of <paramref name="server"/> (dispose the channel).</summary>
    public static (GrpcChannel Channel, FlightClient Client) Connect(OmniGraphServer server)
    {
        var channel = GrpcChannel.ForAddress(server.BaseAddress);
        return (channel, new FlightClient(channel));
    }

    /// <summary>Runs a read and collects every streamed batch, with the response headers.</summary>
    public static async Task<(List<Apache.Arrow.RecordBatch> Batches, Apache.Arrow.Schema Schema, Metadata Headers)> ReadAsync(
        FlightClient client, FlightReadTicket ticket, Metadata? headers = null)
    {
        using var call = client.GetStream(new FlightTicket(ticket.ToUtf8()), headers ?? []);
        var batches = new List<Apache.Arrow.RecordBatch>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            batches.Add(call.ResponseStream.Current);
        }

        return (batches, await call.ResponseStream.Schema, await call.ResponseHeadersAsync);
    }

    /// <summary>Puts <paramref name="batches"/> under <paramref name="command"/> and returns the put's result metadata (the load receipt).</summary>
    public static async Task<string> PutAsync(FlightClient client, FlightPutCommand command, IReadOnlyList<Apache.Arrow.RecordBatch> batches, Metadata? headers = null)
    {
        using var call = await client.StartPut(FlightDescriptor.CreateCommandDescriptor(command.ToUtf8()), batches[0].Schema, headers ?? []);
        try
        {
            foreach (var batch in batches)
            {
                await call.RequestStream.WriteAsync(batch);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server ended the call early (it refused the put): its status comes with the response, read below.
        }
        var receipts = new List<string>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            receipts.Add(call.ResponseStream.Current.ApplicationMetadata.ToStringUtf8());
        }

        return Assert.Single(receipts);
    }

    /// <summary>The number of commits on main of graph <c>f</c>.</summary>
    public async Task<int> CommitCountAsync()
    {
        using var document = System.Text.Json.JsonDocument.Parse(await Http.GetStringAsync("graphs/f/commits"));
        return document.RootElement.GetProperty("commits").GetArrayLength();
    }
}
