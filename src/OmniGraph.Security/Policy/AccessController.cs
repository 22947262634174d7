namespace OmniGraph.Security;

/// <summary>
/// The server's access decision for every request (operations.md §3.2, §3.5): the runtime mode plus the bound bundles.
/// Open mode allows every per-graph action; a graph with a bound bundle is decided by its <see cref="PolicyEvaluator"/>;
/// any other graph gets default-deny (an authenticated read is allowed, anything else is denied with a message
/// containing "default-deny"). The server-scoped <c>graph_list</c> is decided by the server bundle only and is closed
/// when none is bound, whatever the mode. Pure and thread-safe.
/// </summary>
public sealed class AccessController
{
    private readonly PolicyEvaluator? _serverPolicy;
    private readonly IReadOnlyDictionary<string, PolicyEvaluator> _graphPolicies;

    /// <param name="mode">The runtime mode (<see cref="ServerRuntimeState.Decide"/>).</param>
    /// <param name="serverPolicy">The bundle bound to the server, if any (it must be a server bundle).</param>
    /// <param name="graphPolicies">Graph id → its bound bundle (each a graph bundle).</param>
    /// <exception cref="ArgumentException">Bundles in open mode, or no bundle in policy mode.</exception>
    /// <exception cref="OmniGraphException"><c>policy_binding_mismatch</c>: a bundle of the wrong kind.</exception>
    public AccessController(ServerAuthMode mode, PolicyEvaluator? serverPolicy, IReadOnlyDictionary<string, PolicyEvaluator> graphPolicies)
    {
        ArgumentNullException.ThrowIfNull(graphPolicies);
        var anyPolicy = serverPolicy is not null || graphPolicies.Count > 0;
        if (anyPolicy != (mode == ServerAuthMode.PolicyEnabled))
        {
            throw new ArgumentException($"mode {mode} does not match the bound policies ({(anyPolicy ? "some" : "none")}); decide it with ServerRuntimeState.Decide", nameof(mode));
        }

        serverPolicy?.Bundle.RequireKind(PolicyBundleKind.Server, "the server policy");
        foreach (var (graph, policy) in graphPolicies)
        {
            policy.Bundle.RequireKind(PolicyBundleKind.Graph, $"the policy of graph '{graph}'");
        }

        Mode = mode;
        _serverPolicy = serverPolicy;
        _graphPolicies = graphPolicies;
    }

    /// <summary>The runtime mode.</summary>
    public ServerAuthMode Mode { get; }

    /// <summary>Decides one request.</summary>
    public AccessDecision Decide(AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Action.IsServerScoped())
        {
            return _serverPolicy is not null && request.Actor is not null
                ? _serverPolicy.Evaluate(request)
                : AccessDecision.Deny(request, AccessBasis.ServerScopeClosed, " (no server policy grants graph_list)");
        }

        if (Mode == ServerAuthMode.Open)
        {
            return AccessDecision.Allow(request, AccessBasis.Open);
        }

        if (request.Graph is not null && _graphPolicies.TryGetValue(request.Graph, out var policy))
        {
            return policy.Evaluate(request);
        }

        return request.Action == PolicyAction.Read && request.Actor is not null
            ? AccessDecision.Allow(request, AccessBasis.DefaultDenyRead)
            : AccessDecision.Deny(request, AccessBasis.DefaultDeny, " (default-deny: no policy is bound to this graph, so only read is allowed)");
    }

    /// <summary>
    /// The engine's defence-in-depth re-check of a write (operations.md §3.5.2): with no policy installed it allows
    /// (a no-op); with one, it is that policy's decision, and a write without an actor is denied (fail closed).
    /// </summary>
    public static AccessDecision DecideInEngine(PolicyEvaluator? policy, AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return policy is null ? AccessDecision.Allow(request, AccessBasis.NoPolicy) : policy.Evaluate(request);
    }
}
