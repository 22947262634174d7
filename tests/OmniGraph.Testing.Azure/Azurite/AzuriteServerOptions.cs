namespace OmniGraph.Testing.Azure;

/// <summary>How to start an <see cref="AzuriteServer"/>.</summary>
public sealed class AzuriteServerOptions
{
    /// <summary>
    /// Let the test move the emulator's clock ahead (<see cref="AzuriteServer.AdvanceClockAsync"/>), for lease expiry.
    /// The clock is the whole server's: give such a server to one test class at a time.
    /// </summary>
    public bool ControllableClock { get; init; }

    /// <summary>How long to wait for the services to listen and answer. Default 60 s.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The most memory Azurite's in-memory store may take, in megabytes. Default 1024.</summary>
    public int MemoryLimitMegabytes { get; init; } = 1024;
}
