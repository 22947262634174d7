using Microsoft.Extensions.Logging;

namespace OmniGraph.Grains.Hosting;

/// <summary>Settings of an <see cref="OmniGraphEmbedded"/> host.</summary>
public sealed class EmbeddedGraphOptions
{
    /// <summary>The id the graph gets inside the embedded silo. Default <c>default</c>; the graph's files do not depend on it.</summary>
    public string GraphId { get; set; } = OmniGraphEmbedded.DefaultGraphId;

    /// <summary>Engine settings beyond the graph registration.</summary>
    public Action<OmniGraphOptions>? ConfigureEngine { get; set; }

    /// <summary>Logging (none by default: an embedded engine stays quiet unless asked).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    /// <summary>
    /// Adds to the embedded silo after the engine is registered: this is where features that live in their own
    /// assemblies (loads, query execution, mutations) register their grains, e.g. <c>silo =&gt; silo.AddOmniGraphLoading()</c>.
    /// </summary>
    public Action<ISiloBuilder>? ConfigureSilo { get; set; }

    /// <summary>
    /// When this token is cancelled before the host is disposed, the dispose stops the silo at once instead of gracefully:
    /// activations are dropped without deactivating (no head hints persisted, background commit completions cut short,
    /// which the next open heals, as after a crash). Default: none (always graceful). The CLI passes its command's token,
    /// so a command stopped by SIGINT or SIGTERM exits without waiting for a graceful shutdown, which on a loaded machine
    /// can take seconds.
    /// </summary>
    public CancellationToken StopAtOnceWhen { get; set; }

    /// <summary>How long a grain call may take before it fails with a timeout. Default 10 minutes (a large load commits in one call).</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
