namespace OmniGraph.Security;

/// <summary>
/// A parsed, validated policy bundle (operations.md §3.3). Immutable; build an evaluator with
/// <see cref="PolicyEvaluator"/>. Read one with <see cref="PolicyBundleReader"/>.
/// </summary>
/// <param name="Version">Always 1.</param>
/// <param name="Groups">Group name → its actors, sorted by group name; every group non-empty.</param>
/// <param name="ProtectedBranches">The protected branch names.</param>
/// <param name="Rules">The rules in file order.</param>
/// <param name="Kind">Graph or server bundle (from its actions).</param>
public sealed record PolicyBundle(
    int Version,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Groups,
    IReadOnlySet<string> ProtectedBranches,
    IReadOnlyList<PolicyRule> Rules,
    PolicyBundleKind Kind)
{
    /// <summary>Every distinct actor named by any group, sorted.</summary>
    public IReadOnlyList<string> Actors { get; } = Groups.Values.SelectMany(static a => a).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Refuses a bundle bound to the wrong kind of scope (a server bundle on a graph or the reverse).</summary>
    /// <exception cref="OmniGraphException"><c>policy_binding_mismatch</c>.</exception>
    public void RequireKind(PolicyBundleKind expected, string source)
    {
        if (Kind != expected)
        {
            var reason = expected == PolicyBundleKind.Server
                ? "a bundle bound to the server may hold only graph_list rules; this one grants per-graph actions"
                : "a bundle bound to a graph may not grant graph_list (a server-scoped action): bind it to the server";
            throw SecurityErrors.Policy(ErrorCodes.PolicyBindingMismatch, source, reason);
        }
    }
}
