using System.Net;

namespace Orleans.Configuration;

/// <summary>
/// Network endpoints of a silo. Recorded for configuration parity only: the in-process runtime opens no sockets.
/// </summary>
public sealed class EndpointOptions
{
    // Names mirror Orleans exactly so configuration code compiles against either.
#pragma warning disable IDE1006
    /// <summary>Orleans' default silo-to-silo port.</summary>
    public const int DEFAULT_SILO_PORT = 11111;

    /// <summary>Orleans' default client gateway port.</summary>
    public const int DEFAULT_GATEWAY_PORT = 30000;
#pragma warning restore IDE1006

    /// <summary>The address advertised to other silos.</summary>
    public IPAddress? AdvertisedIPAddress { get; set; }

    /// <summary>The silo-to-silo port.</summary>
    public int SiloPort { get; set; } = DEFAULT_SILO_PORT;

    /// <summary>The client gateway port (0 disables the gateway).</summary>
    public int GatewayPort { get; set; } = DEFAULT_GATEWAY_PORT;
}
