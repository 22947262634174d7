using System.Diagnostics.CodeAnalysis;
using System.Text;
using Azure;
using Azure.Core;

namespace OmniGraph.Testing.Azure;

/// <summary>
/// A response the fault injector's transport hands the pipeline in place of (or made from) the service's; the transport
/// policy then classifies it and attaches the storage error parser, exactly as for a real answer.
/// </summary>
internal sealed class InjectedResponse : Response
{
    private readonly List<HttpHeader> _headers;

    private InjectedResponse(int status, string reasonPhrase, Stream? content, List<HttpHeader> headers, string clientRequestId)
    {
        Status = status;
        ReasonPhrase = reasonPhrase;
        ContentStream = content;
        _headers = headers;
        ClientRequestId = clientRequestId;
    }

    public override int Status { get; }

    public override string ReasonPhrase { get; }

    public override Stream? ContentStream { get; set; }

    public override string ClientRequestId { get; set; }

    /// <summary>An error answer in the storage service's form: the error code header and an XML error body (none for HEAD).</summary>
    public static InjectedResponse Error(Request request, int status, string errorCode)
    {
        var headers = new List<HttpHeader>
        {
            new("x-ms-error-code", errorCode),
            new("x-ms-request-id", Guid.NewGuid().ToString()),
            new("x-ms-client-request-id", request.ClientRequestId),
        };
        Stream? body = null;
        if (request.Method != RequestMethod.Head)
        {
            headers.Add(new HttpHeader("Content-Type", "application/xml"));
            body = new MemoryStream(Encoding.UTF8.GetBytes(
                $"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>{errorCode}</Code><Message>Injected by OmniGraph.Testing.Azure.BlobFaultInjector.</Message></Error>"));
        }

        return new InjectedResponse(status, "Injected fault", body, headers, request.ClientRequestId);
    }

    /// <summary>The service's answer with its body replaced by <paramref name="content"/>.</summary>
    public static InjectedResponse WithContent(Response original, byte[] content) =>
        new(original.Status, original.ReasonPhrase, new MemoryStream(content), [.. original.Headers], original.ClientRequestId);

    public override void Dispose() => ContentStream?.Dispose();

    protected override bool ContainsHeader(string name) => _headers.Exists(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => _headers;

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        var values = _headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
        value = values.Count == 0 ? null : string.Join(",", values);
        return value is not null;
    }

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        var found = _headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
        values = found.Count == 0 ? null : found;
        return values is not null;
    }
}
