using Microsoft.Extensions.DependencyInjection;

namespace OmniGraph.Server.Flight;

/// <summary>Registers the Arrow Flight service (<see cref="OmniGraphFlightServer"/>) on the server.</summary>
internal static class FlightServiceExtensions
{
    /// <summary>Adds the gRPC runtime and the Flight service; a put's record batch may be as large as an HTTP load body.</summary>
    /// <exception cref="OmniGraphException">Code <c>usage</c>: <see cref="OmniGraphServerOptions.FlightBatchRows"/> or <see cref="OmniGraphServerOptions.MaxFlightPutBytes"/> is not positive.</exception>
    public static void AddOmniGraphFlight(this IServiceCollection services, OmniGraphServerOptions options)
    {
        if (options.FlightBatchRows < 1)
        {
            throw new OmniGraphException(ErrorCodes.Usage, $"the Flight batch size must be at least one row, not {options.FlightBatchRows}");
        }

        if (options.MaxFlightPutBytes < 1)
        {
            throw new OmniGraphException(ErrorCodes.Usage, $"the Flight put limit must be at least one byte, not {options.MaxFlightPutBytes}");
        }

        services.AddSingleton<FlightCalls>();
        services.AddSingleton<FlightStoredQueryListing>();
        services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = (int)Math.Min(int.MaxValue, options.MaxLoadBodyBytes);

            // Only the Flight service is served over gRPC: a call to any other service is the framework's 404.
            grpc.IgnoreUnknownServices = true;
        }).AddFlightServer<OmniGraphFlightServer>();
    }

    /// <summary>Maps the Flight service; it authenticates and decides each call itself (gRPC statuses, not the HTTP envelope).</summary>
    public static void MapOmniGraphFlight(this IEndpointRouteBuilder routes) => routes.MapFlightEndpoint().AuthenticatesInService();
}
