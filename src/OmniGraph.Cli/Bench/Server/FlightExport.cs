using System.Diagnostics;
using Apache.Arrow.Flight;
using Apache.Arrow.Flight.Client;
using Grpc.Net.Client;
using OmniGraph.Server.Flight;

namespace OmniGraph.Cli.Bench.Server;

/// <summary>The export-style read of the server benchmark over Arrow Flight: every <c>Knows</c> edge's endpoints by <c>DoGet</c>, as typed record batches.</summary>
internal static class FlightExport
{
    private const string KnowsPairs = """
        query knows_pairs() {
            match {
                $p: Person
                $p knows $f
            }
            return { $p.id_str as from, $f.id_str as to }
        }
        """;

    /// <summary>Streams the read and counts its rows; returns them with the elapsed time.</summary>
    public static async Task<(long Rows, double Milliseconds)> ReadKnowsAsync(Uri server, string graphId, CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress(server, new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });
        var client = new FlightClient(channel);
        var start = Stopwatch.GetTimestamp();
        using var call = client.GetStream(new FlightTicket(new FlightReadTicket(graphId, KnowsPairs).ToUtf8()));
        var rows = 0L;
        while (await call.ResponseStream.MoveNext(cancellationToken))
        {
            using var batch = call.ResponseStream.Current;
            rows += batch.Length;
        }

        return (rows, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }
}
