using Microsoft.Extensions.Hosting;

namespace OmniGraph.Grains.Hosting;

/// <summary>
/// The lifetime of an embedded silo's host: it owns no process signal and no process exit. The default
/// (<c>ConsoleLifetime</c>) takes SIGINT and SIGTERM to stop the host, and on process exit blocks for up to twice the
/// shutdown timeout waiting for the host's disposal and then forces exit code 0 — in an application or the CLI, which
/// own Ctrl-C themselves, that swallowed the signal, held <c>Environment.Exit</c> for 60 s and lost its exit code. The
/// embedding process starts and disposes the silo itself (<see cref="OmniGraphEmbedded"/>).
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
