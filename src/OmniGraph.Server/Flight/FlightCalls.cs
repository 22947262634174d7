using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace OmniGraph.Server.Flight;

/// <summary>
/// What every Flight call does around its work: authenticate the bearer token of the call (the same tokens, in the
/// same constant-time check, as the HTTP routes; the actor is the token's), then turn any failure into a gRPC status
/// with the stable code (<see cref="FlightErrors"/>). Internal failures are logged, as the HTTP routes log them.
/// </summary>
internal sealed class FlightCalls(ServerAccess access, ILogger<FlightCalls> logger)
{
    /// <summary>Runs <paramref name="work"/> for the authenticated call <paramref name="context"/>.</summary>
    public async Task RunAsync(ServerCallContext context, Func<HttpContext, Task> work) =>
        await RunAsync<bool>(context, async http =>
        {
            await work(http);
            return true;
        });

    /// <summary>Runs <paramref name="work"/> for the authenticated call <paramref name="context"/> and returns its result.</summary>
    public Task<T> RunAsync<T>(ServerCallContext context, Func<HttpContext, Task<T>> work) => RunAsync(context, work, authenticate: true);

    /// <summary>
    /// Runs <paramref name="work"/>, which authenticates the call in its own way (the handshake: the token is its
    /// payload), with failures mapped as every call's.
    /// </summary>
    public Task RunAuthenticatingItselfAsync(ServerCallContext context, Func<HttpContext, Task> work) =>
        RunAsync(context, async http =>
        {
            await work(http);
            return true;
        }, authenticate: false);

    private async Task<T> RunAsync<T>(ServerCallContext context, Func<HttpContext, Task<T>> work, bool authenticate)
    {
        var http = context.GetHttpContext();
        try
        {
            if (authenticate)
            {
                BearerAuthenticationMiddleware.Authenticate(http, access);
            }

            return await work(http);
        }
        catch (Exception exception) when (exception is not RpcException and not OutOfMemoryException)
        {
            var error = FlightErrors.Classify(exception);
            if (error.Kind is ErrorKind.Internal or ErrorKind.Integrity)
            {
                ServerLog.RequestFailed(logger, exception, "FLIGHT", context.Method, error.Code);
            }

            throw FlightErrors.ToRpc(error);
        }
    }
}
