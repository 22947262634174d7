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

    /// <summary>The decision on a schema apply (<c>schema_apply</c>, target <paramref name="branch"/>) by <paramref name="actor"/> to <paramref name="graphId"/>.</summary>
    public AccessDecision DecideSchemaApply(string graphId, string? actor, string branch) =>
        AccessController.DecideInEngine(_policies.GetValueOrDefault(graphId), new AccessRequest(actor, PolicyAction.SchemaApply, graphId, null, branch));

    /// <summary>The decision on a promotion (or its revert) by <paramref name="actor"/> from <paramref name="source"/> into <paramref name="target"/> of <paramref name="graphId"/>.</summary>
    public AccessDecision DecidePromote(string graphId, string? actor, string? source, string target) =>
        AccessController.DecideInEngine(_policies.GetValueOrDefault(graphId), new AccessRequest(actor, PolicyAction.Promote, graphId, source, target));

    /// <summary>Whether <paramref name="graphId"/>'s policy protects <paramref name="branch"/> (no bundle: nothing is protected).</summary>
    public bool IsProtected(string graphId, string branch) => _policies.GetValueOrDefault(graphId)?.IsProtected(branch) == true;

    /// <summary>
    /// Refuses a direct <paramref name="operation"/> (anything but a promotion) to a protected branch, before it has any effect.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>protected_branch</c>.</exception>
    public void RequireUnprotected(string graphId, string branch, string operation) => RequireUnprotected(IsProtected(graphId, branch), branch, operation);

    /// <summary>
    /// The same refusal from the options alone, for the coordinators' early checks (before they stage anything; the
    /// commit's own check in the manifest grain is the one that holds every caller).
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>protected_branch</c>.</exception>
    public static void RequireUnprotected(OmniGraphOptions options, string graphId, string branch, string operation)
    {
        ArgumentNullException.ThrowIfNull(options);
        RequireUnprotected(options.GraphPolicies.TryGetValue(graphId, out var bundle) && bundle.ProtectedBranches.Contains(branch), branch, operation);
    }

    private static void RequireUnprotected(bool isProtected, string branch, string operation)
    {
        if (isProtected)
        {
            throw EngineErrors.ProtectedBranch(branch, operation);
        }
    }
}
