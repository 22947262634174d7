using OmniGraph.Grains.Hosting;
using OmniGraph.Security;

namespace OmniGraph.Cli.Infrastructure;

/// <summary>Starts the engine embedded in this process on a command's graph, with every CLI feature.</summary>
internal static class EmbeddedGraph
{
    /// <summary>Opens the existing graph at <paramref name="target"/> (heals it if a previous process died mid-write).</summary>
    /// <exception cref="OmniGraphException">Code <c>graph_not_initialized</c>: No graph is there.</exception>
    public static Task<OmniGraphEmbedded> OpenAsync(GraphTarget target, CancellationToken cancellationToken) =>
        OmniGraphEmbedded.OpenAsync(target.Location, options => Configure(options, cancellationToken), cancellationToken);

    /// <summary>
    /// Opens the graph at <paramref name="target"/> with <paramref name="policy"/> bound to it (<c>--policy FILE</c>): the
    /// engine enforces its protected branches and rules on every write and appends every write to the audit log, as a
    /// server does. Without a policy, the same as <see cref="OpenAsync(GraphTarget, CancellationToken)"/>.
    /// </summary>
    public static Task<OmniGraphEmbedded> OpenAsync(GraphTarget target, PolicyBundle? policy, CancellationToken cancellationToken) =>
        policy is null
            ? OpenAsync(target, cancellationToken)
            : OmniGraphEmbedded.OpenAsync(
                target.Location,
                options =>
                {
                    Configure(options, cancellationToken);
                    options.ConfigureEngine = engine =>
                    {
                        engine.AuditWrites = true;
                        engine.GraphPolicies[options.GraphId] = policy;
                    };
                },
                cancellationToken);

    /// <summary>Creates a graph at <paramref name="target"/> and opens it.</summary>
    /// <exception cref="OmniGraphException">Code <c>already_initialized</c>: A graph is already there.</exception>
    public static Task<OmniGraphEmbedded> InitAsync(GraphTarget target, string schemaSource, CancellationToken cancellationToken) =>
        OmniGraphEmbedded.InitAsync(target.Location, schemaSource, options => Configure(options, cancellationToken), cancellationToken);

    /// <summary>
    /// Every CLI feature; and a command stopped by a signal (its token cancelled) stops the silo at once rather than
    /// gracefully: the command has already abandoned its work, and a graceful shutdown (deactivating every grain) can take
    /// longer than the grace period on a loaded machine.
    /// </summary>
    private static void Configure(EmbeddedGraphOptions options, CancellationToken cancellationToken)
    {
        options.ConfigureSilo = CliFeatures.Configure;
        options.StopAtOnceWhen = cancellationToken;
    }
}
