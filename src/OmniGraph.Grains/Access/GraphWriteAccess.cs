using Microsoft.Extensions.Options;
using OmniGraph.Grains.Hosting;
using OmniGraph.Security;

namespace OmniGraph.Grains.Access;

/// <summary>
/// The engine's side of access control and audit (a silo singleton built from <see cref="OmniGraphOptions"/>): the
/// re-check of a write against its graph's policy (<see cref="AccessController.DecideInEngine"/>: a no-op for a graph
/// without a bundle, fail closed for a write without an actor), and whether commits are audited.
/// </summary>
internal sealed class GraphWriteAccess
{
    private readonly Dictionary<string, PolicyEvaluator> _policies;

    public GraphWriteAccess(IOptions<OmniGraphOptions> options)
    {
        var settings = options.Value;
        AuditWrites = settings.AuditWrites;
        _policies = settings.GraphPolicies.ToDictionary(static p => p.Key, static p => new PolicyEvaluator(p.Value), StringComparer.Ordinal);
    }

    /// <summary>Whether commits append to their graph's audit log (<see cref="OmniGraphOptions.AuditWrites"/>).</summary>
    public bool AuditWrites { get; }

    /// <summary>The decision on a data write (<c>change</c>) by <paramref name="actor"/> to <paramref name="branch"/> of <paramref name="graphId"/>.</summary>
    public AccessDecision DecideChange(string graphId, string? actor, string branch) =>
        AccessController.DecideInEngine(_policies.GetValueOrDefault(graphId), new AccessRequest(actor, PolicyAction.Change, graphId, branch));
}
