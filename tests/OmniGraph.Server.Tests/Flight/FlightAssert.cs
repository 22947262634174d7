using Grpc.Core;
using OmniGraph.Server.Flight;

namespace OmniGraph.Server.Tests.Flight;

/// <summary>Assertions on failed Flight calls: the gRPC status and the stable error code in the trailers.</summary>
internal static class FlightAssert
{
    /// <summary>Runs <paramref name="call"/>, which must fail with <paramref name="status"/> and the error <paramref name="code"/>.</summary>
    public static async Task<OmniGraphException> FailsAsync(StatusCode status, string code, Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(status, exception.StatusCode);
        Assert.Equal(code, exception.Trailers.GetValue(FlightErrors.CodeTrailer));
        var error = FlightErrors.FromRpc(exception);
        Assert.Equal(code, error.Code);
        return error;
    }
}
