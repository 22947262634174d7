using OmniGraph.Client.Wire;
using OmniGraph.Abstractions;

namespace OmniGraph.Client.Http;

public sealed partial class HttpGraphService
{
    /// <inheritdoc />
    public Task<PromotionPreviewOutput> PreviewPromotionAsync(string source, string target = BranchNames.Main, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        var body = new PromotionPreviewRequestBody(source, target);
        var message = new HttpRequestMessage(HttpMethod.Post, _prefix + "promotions/preview") { Content = _server.Json(body, WireJsonContext.Default.PromotionPreviewRequestBody) };
        return SendDisposingAsync(message, WireJsonContext.Default.PromotionPreviewOutput, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The promoting actor is the bearer token's; a request naming one is refused before it is sent.</remarks>
    public Task<PromotionOutput> PromoteAsync(PromotionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RefuseActor(request.Actor);
        var body = new PromotionConfirmRequestBody(request.Source, request.Target, request.Digest);
        var message = new HttpRequestMessage(HttpMethod.Post, _prefix + "promotions") { Content = _server.Json(body, WireJsonContext.Default.PromotionConfirmRequestBody) };
        return SendDisposingAsync(message, WireJsonContext.Default.PromotionOutput, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The reverting actor is the bearer token's; a request naming one is refused before it is sent.</remarks>
    public Task<PromotionRevertOutput> RevertPromotionAsync(PromotionRevertRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.PromotionId);
        RefuseActor(request.Actor);
        var message = new HttpRequestMessage(HttpMethod.Post, $"{_prefix}promotions/{Uri.EscapeDataString(request.PromotionId)}/revert");
        return SendDisposingAsync(message, WireJsonContext.Default.PromotionRevertOutput, cancellationToken);
    }
}
