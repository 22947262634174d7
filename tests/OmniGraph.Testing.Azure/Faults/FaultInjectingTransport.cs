using Azure.Core;
using Azure.Core.Pipeline;

namespace OmniGraph.Testing.Azure;

/// <summary>The client's real transport with a <see cref="BlobFaultInjector"/> in front of it.</summary>
internal sealed class FaultInjectingTransport(HttpPipelineTransport inner, BlobFaultInjector injector) : HttpPipelineTransport
{
    public override Request CreateRequest() => inner.CreateRequest();

    public override ValueTask ProcessAsync(HttpMessage message) => injector.ProcessAsync(message, inner);

    /// <remarks>The stores call the SDK's asynchronous API only; a synchronous call blocks on the same path.</remarks>
    public override void Process(HttpMessage message) => injector.ProcessAsync(message, inner).AsTask().GetAwaiter().GetResult();
}
