using System.Buffers;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.AspNetCore.Http.Features;
using System.Security.Cryptography.X509Certificates;

namespace OmniGraph.Server.Flight;

/// <summary>
/// Serves HTTP/1.1 and cleartext HTTP/2 (gRPC: the Flight service) on one port. Kestrel picks HTTP/1.1 for every
/// cleartext connection of an endpoint that allows both, because it negotiates HTTP/2 only through TLS (ALPN) and does
/// not yet recognise a client that starts HTTP/2 with prior knowledge (RFC 9113 §3.3). This connection middleware
/// looks at the first bytes: a connection that opens with the HTTP/2 preface is marked as if ALPN had chosen
/// <c>h2</c>, everything else stays HTTP/1.1. Nothing is consumed; the protocol code reads the same bytes.
/// </summary>
/// <remarks>
/// The mark is the TLS features Kestrel consults to pick the protocol (<see cref="ITlsConnectionFeature"/> without a
/// certificate, <see cref="ITlsApplicationProtocolFeature"/> = <c>h2</c>). The connection is still cleartext, so the
/// server lets a request's <c>:scheme</c> (<c>http</c>) differ from the scheme Kestrel then assumes
/// (<c>KestrelServerOptions.AllowAlternateSchemes</c>).
/// </remarks>
internal static class Http2PriorKnowledge
{
    /// <summary>The client connection preface of HTTP/2.</summary>
    private static readonly byte[] s_preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray();

    /// <summary>The connection middleware.</summary>
    public static ConnectionDelegate Use(ConnectionDelegate next) => async connection =>
    {
        if (await StartsWithPrefaceAsync(connection))
        {
            connection.Features.Set<ITlsConnectionFeature>(PriorKnowledgeFeature.Instance);
            connection.Features.Set<ITlsApplicationProtocolFeature>(PriorKnowledgeFeature.Instance);
        }

        await next(connection);
    };

    private static async Task<bool> StartsWithPrefaceAsync(ConnectionContext connection)
    {
        var input = connection.Transport.Input;
        while (true)
        {
            var result = await input.ReadAsync(connection.ConnectionClosed);
            var buffer = result.Buffer;
            var available = (int)Math.Min(buffer.Length, s_preface.Length);
            var head = buffer.Slice(0, available).ToArray();
            var matches = head.AsSpan().SequenceEqual(s_preface.AsSpan(0, available));
            if (!matches || available == s_preface.Length || result.IsCompleted)
            {
                // Consume and examine nothing: the protocol reads these bytes again.
                input.AdvanceTo(buffer.Start);
                return matches && available == s_preface.Length;
            }

            // A prefix of the preface so far: wait for more bytes.
            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private sealed class PriorKnowledgeFeature : ITlsConnectionFeature, ITlsApplicationProtocolFeature
    {
        public static readonly PriorKnowledgeFeature Instance = new();

        public ReadOnlyMemory<byte> ApplicationProtocol { get; } = "h2"u8.ToArray();

        public X509Certificate2? ClientCertificate { get; set; }

        public Task<X509Certificate2?> GetClientCertificateAsync(CancellationToken cancellationToken) => Task.FromResult<X509Certificate2?>(null);
    }
}
