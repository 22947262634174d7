using Microsoft.OpenApi;

namespace OmniGraph.Server.Endpoints;

/// <summary>
/// Describes a route's request body in the OpenAPI document only. <c>.Accepts&lt;T&gt;()</c> would also make routing
/// refuse other content types with a bare 415 before the handler runs; the handlers check the content type themselves
/// (<see cref="Http.RequestBodies"/>), so that a wrong one gets the error envelope like every other failure.
/// </summary>
internal static class OpenApiBodies
{
    /// <summary>Documents a <typeparamref name="T"/> body of <paramref name="contentType"/>.</summary>
    public static RouteHandlerBuilder RequestBody<T>(this RouteHandlerBuilder route, string contentType) =>
        route.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { [contentType] = new OpenApiMediaType { Schema = schema } },
            };
        });
}
