using System.Net;
using System.Net.Http.Headers;

namespace OmniGraph.Server.Tests.Support;

/// <summary>An NDJSON request body written by a callback as it is sent (chunked: no Content-Length).</summary>
internal sealed class PushStreamContent : HttpContent
{
    private readonly Func<Stream, Task> _write;

    public PushStreamContent(Func<Stream, Task> write)
    {
        _write = write;
        Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _write(stream);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
