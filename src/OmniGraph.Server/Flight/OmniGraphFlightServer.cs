using System.IO.Pipelines;
using Apache.Arrow.Flight;
using Apache.Arrow.Flight.Server;
using Grpc.Core;
using OmniGraph.Server.Admission;
using OmniGraph.Server.Endpoints;

namespace OmniGraph.Server.Flight;

/// <summary>
/// The Arrow Flight service of the server (docs/server.md#arrow-flight), on the same port as the HTTP routes (gRPC over
/// HTTP/2). <c>DoGet</c> streams a read's rows as Arrow record batches (<see cref="FlightReadTicket"/>);
/// <c>GetFlightInfo</c> and <c>GetSchema</c> run the read and describe it, with a ticket pinned to the snapshot read;
/// <c>DoPut</c> loads batches of one node or edge type as one commit (<see cref="FlightPutCommand"/>), at most
/// <see cref="OmniGraphServerOptions.MaxFlightPutBytes"/> in all; <c>ListFlights</c> lists the stored read queries
/// (<see cref="FlightStoredQueryListing"/>); <c>Handshake</c> checks a bearer token the Flight way. Every call is
/// authenticated with the server's bearer tokens and decided by its policy (<c>read</c>, <c>change</c>), exactly as
/// the HTTP routes; failures are gRPC statuses carrying the stable error code (<see cref="FlightErrors"/>).
/// </summary>
internal sealed class OmniGraphFlightServer(
    FlightCalls calls,
    ServedGraphs graphs,
    ActorAdmission admission,
    FlightStoredQueryListing listing,
    ServerAccess access,
    IOptions<OmniGraphServerOptions> options) : FlightServer
{
    /// <summary>A batch is kept near this size, well under the 4 MiB default message limit of gRPC clients.</summary>
    private const long TargetBatchBytes = 1024 * 1024;

    public override Task DoGet(FlightTicket ticket, FlightServerRecordBatchStreamWriter responseStream, ServerCallContext context) =>
        calls.RunAsync(context, async http =>
        {
            var result = await ReadAsync(FlightReadTicket.Parse(ticket.Ticket.Span), http);
            var headers = new Metadata();
            foreach (var (name, value) in QueryResultWire.Headers(result))
            {
                headers.Add(name.ToLowerInvariant(), value);
            }

            await context.WriteResponseHeadersAsync(headers);
            await responseStream.SetupStream(FlightArrowBridge.ToApache(result.Rows.Schema));
            await StreamAsync(result.Rows, responseStream, http.RequestAborted);
        });

    public override Task<FlightInfo> GetFlightInfo(FlightDescriptor request, ServerCallContext context) =>
        calls.RunAsync(context, async http =>
        {
            var result = await ReadAsync(ReadCommand(request), http);

            // The ticket reads the same snapshot again: what DoGet streams is what this described.
            var pinned = ReadCommand(request) with { Branch = null, Snapshot = result.GraphCommitId };
            var endpoint = new FlightEndpoint(new FlightTicket(pinned.ToUtf8()), []);
            return new FlightInfo(FlightArrowBridge.ToApache(result.Rows.Schema), request, [endpoint], result.Rows.Length, -1);
        });

    public override Task<Apache.Arrow.Schema> GetSchema(FlightDescriptor request, ServerCallContext context) =>
        calls.RunAsync(context, async http => FlightArrowBridge.ToApache((await ReadAsync(ReadCommand(request), http)).Rows.Schema));

    public override Task DoPut(FlightServerRecordBatchStreamReader requestStream, IAsyncStreamWriter<FlightPutResult> responseStream, ServerCallContext context) =>
        calls.RunAsync(context, async http =>
        {
            var descriptor = await requestStream.FlightDescriptor;
            var command = descriptor is { Type: FlightDescriptorType.Command }
                ? FlightPutCommand.Parse(descriptor.Command.Span)
                : throw Http.ServerErrors.InvalidBody("a Flight put needs a command descriptor holding the put command (JSON)");
            var graph = graphs.Get(command.Graph ?? string.Empty);
            var branch = GraphEndpoints.BranchOrMain(command.Branch);
            await http.AuthorizeAsync(PolicyAction.Change, graph.Id, branch);
            var rows = new FlightLoadRows(command);
            var mode = GraphEndpoints.LoadMode(command.Mode);
            var actor = http.Actor();
            using var lease = admission.Admit(actor, 0);
            var output = await LoadAsync(graph, requestStream, rows, mode, branch, actor, options.Value.MaxFlightPutBytes, http.RequestAborted);
            await responseStream.WriteAsync(new FlightPutResult(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(output, WireJsonContext.Default.LoadOutput)));
        });

    public override Task ListActions(IAsyncStreamWriter<FlightActionType> responseStream, ServerCallContext context) =>
        calls.RunAsync(context, static _ => Task.CompletedTask);

    public override Task ListFlights(FlightCriteria request, IAsyncStreamWriter<FlightInfo> responseStream, ServerCallContext context) =>
        calls.RunAsync(context, http => listing.WriteAsync(http, request, responseStream));

    public override Task DoAction(FlightAction request, IAsyncStreamWriter<FlightResult> responseStream, ServerCallContext context) =>
        Unsupported(context, $"the Flight action '{request.Type}'");

    public override Task DoExchange(FlightServerRecordBatchStreamReader requestStream, FlightServerRecordBatchStreamWriter responseStream, ServerCallContext context) =>
        Unsupported(context, "DoExchange");

    /// <summary>
    /// The Flight handshake: the client sends its bearer token as the payload (<c>Bearer TOKEN</c> or the token alone; or
    /// an empty payload and the token in the call's <c>authorization</c> header), and gets it back as the payload and as
    /// the <c>authorization: Bearer TOKEN</c> response header that Flight clients keep for their next calls. The token is
    /// checked as every call's (constant time, against every configured hash); a missing or unknown one is
    /// <c>unauthorized</c> (Unauthenticated). No session is made: every later call still sends the token and is
    /// authenticated on its own. Open mode answers with an empty payload.
    /// </summary>
    public override Task Handshake(IAsyncStreamReader<FlightHandshakeRequest> requestStream, IAsyncStreamWriter<FlightHandshakeResponse> responseStream, ServerCallContext context) =>
        calls.RunAuthenticatingItselfAsync(context, async http =>
        {
            var payload = await requestStream.MoveNext(http.RequestAborted) ? requestStream.Current.Payload : Google.Protobuf.ByteString.Empty;
            if (!access.RequiresTokens)
            {
                await responseStream.WriteAsync(new FlightHandshakeResponse(Google.Protobuf.ByteString.Empty));
                return;
            }

            var header = payload.IsEmpty ? http.Request.Headers.Authorization.ToString() : payload.ToStringUtf8();
            var bearer = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header : $"Bearer {header}";
            var authentication = access.Tokens.Authenticate(bearer);
            if (!authentication.IsAuthenticated)
            {
                throw new OmniGraphException(ErrorCodes.Unauthorized, $"the Flight handshake carries no valid bearer token: {authentication.FailureMessage}");
            }

            await context.WriteResponseHeadersAsync(new Metadata { { "authorization", bearer } });
            await responseStream.WriteAsync(new FlightHandshakeResponse(Google.Protobuf.ByteString.CopyFromUtf8(bearer["Bearer ".Length..])));
        });

    private Task Unsupported(ServerCallContext context, string what) =>
        calls.RunAsync(context, _ => throw Http.ServerErrors.NotImplemented(what));

    private static FlightReadTicket ReadCommand(FlightDescriptor descriptor) => descriptor.Type == FlightDescriptorType.Command
        ? FlightReadTicket.Parse(descriptor.Command.Span)
        : throw Http.ServerErrors.InvalidBody("a Flight read is described by a command descriptor holding the read ticket (JSON), not a path");

    /// <summary>Resolves the graph and runs the read (decided as <c>read</c>, as <c>POST /query</c>).</summary>
    private async Task<QueryResult> ReadAsync(FlightReadTicket ticket, HttpContext http) =>
        await GraphEndpoints.RunReadAsync(http, graphs.Get(ticket.Graph ?? string.Empty), new QueryRequestBody(ticket.Query, ticket.Name, ticket.Params, ticket.Branch, ticket.Snapshot));

    /// <summary>
    /// Streams <paramref name="rows"/> as batches of at most <see cref="OmniGraphServerOptions.FlightBatchRows"/> rows,
    /// fewer when rows are wide (a batch stays near <see cref="TargetBatchBytes"/>). Each batch is a zero-copy slice of
    /// the result, converted once.
    /// </summary>
    private async Task StreamAsync(Arrow.RecordBatch rows, FlightServerRecordBatchStreamWriter writer, CancellationToken cancellationToken)
    {
        var rowsPerBatch = Math.Max(1, options.Value.FlightBatchRows);
        var offset = 0;
        while (offset < rows.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var length = Math.Min(rowsPerBatch, rows.Length - offset);
            using var batch = FlightArrowBridge.ToApache(rows.Slice(offset, length));
            var bytes = FlightArrowBridge.BufferBytes(batch);
            if (bytes > TargetBatchBytes && length > 1)
            {
                // Wide rows: shrink the batches from here on, and send this one again smaller.
                rowsPerBatch = (int)Math.Max(1, length * TargetBatchBytes / bytes);
                continue;
            }

            await writer.WriteAsync(batch);
            offset += length;
        }
    }

    /// <summary>
    /// Feeds the put's batches, as JSONL records, into one load session while they arrive (a pipe between the two: the
    /// load reads as the client writes), and commits once the client completes. Nothing is published when either side
    /// fails.
    /// </summary>
    private static async Task<LoadOutput> LoadAsync(
        ServedGraph graph, FlightServerRecordBatchStreamReader batches, FlightLoadRows rows, GraphLoadMode mode, string branch, string? actor, long maxBytes, CancellationToken cancellationToken)
    {
        var pipe = new Pipe();
        var load = ReadAllAsync();
        async Task<LoadOutput> ReadAllAsync()
        {
            try
            {
                return await graph.Service.LoadAsync(pipe.Reader.AsStream(), mode, branch, new GraphLoadOptions { Actor = actor }, cancellationToken);
            }
            finally
            {
                // A load that stops early must not leave the writer waiting on a full pipe.
                await pipe.Reader.CompleteAsync();
            }
        }

        Exception? inputFailure = null;
        var received = 0L;
        try
        {
            while (await batches.MoveNext(cancellationToken))
            {
                using var batch = batches.Current;

                // The whole put is bounded, not only each message: past the limit the load is failed before it commits.
                received += FlightArrowBridge.BufferBytes(batch);
                if (received > maxBytes)
                {
                    throw Http.ServerErrors.BodyTooLarge("flight put", maxBytes, received);
                }

                rows.Write(FlightArrowBridge.FromApache(batch), pipe.Writer);
                if ((await pipe.Writer.FlushAsync(cancellationToken)).IsCompleted)
                {
                    // The load stopped reading: it failed, and says why below.
                    break;
                }
            }
        }
        catch (Exception exception)
        {
            inputFailure = exception;
        }

        await pipe.Writer.CompleteAsync(inputFailure);
        if (inputFailure is not null)
        {
            try
            {
                await load;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The load failed because its input did: the input's error is the one to report.
            }

            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inputFailure);
        }

        return await load;
    }
}
