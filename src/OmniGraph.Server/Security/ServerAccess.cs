using System.Collections.Immutable;

namespace OmniGraph.Server.Security;

/// <summary>
/// How the server authenticates and decides, settled once before it starts (docs/security.md, operations.md §3.2): the
/// bearer tokens (kept as hashes), the policy bundles read strictly from their files and bound (the graph bundle of
/// each graph, the server bundle), the runtime mode from the state table, and the <see cref="AccessController"/> every
/// request is decided by. Any problem refuses the start with its own code (<c>auth_*</c>, <c>policy_*</c>).
/// </summary>
public sealed class ServerAccess
{
    private ServerAccess(BearerTokenRegistry tokens, ServerAuthMode mode, AccessController controller, ImmutableSortedDictionary<string, PolicyBundle> graphPolicies)
    {
        Tokens = tokens;
        Mode = mode;
        Controller = controller;
        GraphPolicies = graphPolicies;
    }

    /// <summary>The configured tokens.</summary>
    public BearerTokenRegistry Tokens { get; }

    /// <summary>The runtime mode.</summary>
    public ServerAuthMode Mode { get; }

    /// <summary>Decides every request.</summary>
    public AccessController Controller { get; }

    /// <summary>Graph id → its bound bundle (what the engine re-checks writes against).</summary>
    public ImmutableSortedDictionary<string, PolicyBundle> GraphPolicies { get; }

    /// <summary>Whether requests must carry a bearer token (every mode but open).</summary>
    public bool RequiresTokens => Mode != ServerAuthMode.Open;

    /// <summary>
    /// Loads the tokens of <paramref name="options"/>, binds its bundles to the graphs <paramref name="graphIds"/> found
    /// under the store root (<see cref="OmniGraphServerOptions.GraphPolicy"/> to each, then the per-graph ones), and
    /// decides the mode.
    /// </summary>
    /// <exception cref="OmniGraphException">
    /// <c>auth_*</c> (tokens, runtime state), <c>policy_binding_mismatch</c> (a bundle of the wrong kind), or <c>usage</c>
    /// (a bundle bound to a graph id that is not under the root).
    /// </exception>
    public static ServerAccess Build(OmniGraphServerOptions options, IReadOnlyCollection<string> graphIds)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(graphIds);
        var tokens = BearerTokenLoader.Load(options.BearerTokens);
        var graphPolicies = ImmutableSortedDictionary.CreateBuilder<string, PolicyBundle>(StringComparer.Ordinal);
        if (options.GraphPolicy is { } shared)
        {
            shared.RequireKind(PolicyBundleKind.Graph, "the graph policy (--policy)");
            foreach (var graph in graphIds)
            {
                graphPolicies[graph] = shared;
            }
        }

        foreach (var (graph, bundle) in options.GraphPolicies.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            if (!graphIds.Contains(graph))
            {
                throw new OmniGraphException(ErrorCodes.Usage, $"a policy is bound to graph '{ErrorText.Quote(graph)}', which is no graph folder under the store root");
            }

            bundle.RequireKind(PolicyBundleKind.Graph, $"the policy of graph '{graph}' (--graph-policy)");
            graphPolicies[graph] = bundle;
        }

        options.ServerPolicy?.RequireKind(PolicyBundleKind.Server, "the server policy (--server-policy)");
        var policies = graphPolicies.ToImmutable();
        var mode = ServerRuntimeState.Decide(tokens.Count > 0, options.ServerPolicy is not null || policies.Count > 0, options.Unauthenticated);
        var controller = new AccessController(
            mode,
            options.ServerPolicy is null ? null : new PolicyEvaluator(options.ServerPolicy),
            policies.ToDictionary(static p => p.Key, static p => new PolicyEvaluator(p.Value), StringComparer.Ordinal));
        return new ServerAccess(tokens, mode, controller, policies);
    }

    /// <summary>The mode as the start-up log names it (never a token).</summary>
    public string Describe() => Mode switch
    {
        ServerAuthMode.Open => "open: unauthenticated",
        ServerAuthMode.DefaultDeny => $"bearer tokens ({Tokens.Count}, from {string.Join(" + ", Tokens.Sources)}), default-deny: no policy",
        _ => $"bearer tokens ({Tokens.Count}, from {string.Join(" + ", Tokens.Sources)}), policy on {GraphPolicies.Count} graph(s)",
    };
}
