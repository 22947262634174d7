namespace OmniGraph.Security;

/// <summary>Wire names of <see cref="PolicyAction"/> and which scope each action takes.</summary>
public static class PolicyActions
{
    private static readonly string[] s_names =
        ["read", "export", "change", "schema_apply", "branch_create", "branch_delete", "branch_merge", "admin", "invoke_query", "graph_list", "promote"];

    /// <summary>Every action, in declaration order.</summary>
    public static IReadOnlyList<PolicyAction> All { get; } = Enum.GetValues<PolicyAction>();

    /// <summary>The wire name (<c>branch_merge</c>).</summary>
    public static string Name(this PolicyAction action) => s_names[(int)action];

    /// <summary>The action of a wire name.</summary>
    public static bool TryParse(string? name, out PolicyAction action)
    {
        var index = Array.IndexOf(s_names, name);
        action = index < 0 ? default : (PolicyAction)index;
        return index >= 0;
    }

    /// <summary>The action of a wire name, or a <c>policy_unknown_action</c> error naming the valid ones.</summary>
    /// <exception cref="OmniGraphException">Unknown name.</exception>
    public static PolicyAction Parse(string name, string source, YamlPosition position = default) =>
        TryParse(name, out var action) ? action : throw Unknown(name, source, position);

    /// <summary>The <c>policy_unknown_action</c> error for <paramref name="name"/>.</summary>
    public static OmniGraphException Unknown(string? name, string source, YamlPosition position = default) =>
        SecurityErrors.Policy(ErrorCodes.PolicyUnknownAction, source, $"unknown action '{ErrorText.Quote(name ?? string.Empty)}' (expected one of {string.Join(", ", s_names)})", position);

    /// <summary>Whether the action takes <c>branch_scope</c> (read, export, change).</summary>
    public static bool TakesBranchScope(this PolicyAction action) => action is PolicyAction.Read or PolicyAction.Export or PolicyAction.Change;

    /// <summary>Whether the action takes <c>target_branch_scope</c> (branch_create, branch_delete, branch_merge, schema_apply, promote).</summary>
    public static bool TakesTargetBranchScope(this PolicyAction action) =>
        action is PolicyAction.BranchCreate or PolicyAction.BranchDelete or PolicyAction.BranchMerge or PolicyAction.SchemaApply or PolicyAction.Promote;

    /// <summary>
    /// Whether the action writes to a graph (change, schema_apply, the branch operations and promote): the decisions the
    /// audit log records when they deny (an allowed write is recorded with the commit it publishes).
    /// </summary>
    public static bool IsWrite(this PolicyAction action) =>
        action is PolicyAction.Change or PolicyAction.SchemaApply or PolicyAction.BranchCreate or PolicyAction.BranchDelete or PolicyAction.BranchMerge or PolicyAction.Promote;

    /// <summary>Whether the action is server-scoped (<c>graph_list</c>) rather than per graph.</summary>
    public static bool IsServerScoped(this PolicyAction action) => action == PolicyAction.GraphList;
}
