namespace OmniGraph.Security;

/// <summary>The actions a policy grants (operations.md §3.3). Wire names: <see cref="PolicyActions.Name"/>.</summary>
public enum PolicyAction
{
    /// <summary><c>read</c>: snapshots, queries, lists, schema, commits, changes. Takes <c>branch_scope</c>.</summary>
    Read,

    /// <summary><c>export</c>: streaming export and change baselines. Takes <c>branch_scope</c>.</summary>
    Export,

    /// <summary><c>change</c>: mutations and loads. Takes <c>branch_scope</c>.</summary>
    Change,

    /// <summary><c>schema_apply</c>: schema migration (target <c>main</c>). Takes <c>target_branch_scope</c>.</summary>
    SchemaApply,

    /// <summary><c>branch_create</c> (from a branch, targeting the new one). Takes <c>target_branch_scope</c>.</summary>
    BranchCreate,

    /// <summary><c>branch_delete</c> (targeting the deleted branch). Takes <c>target_branch_scope</c>.</summary>
    BranchDelete,

    /// <summary><c>branch_merge</c> (from the source, targeting the target). Takes <c>target_branch_scope</c>.</summary>
    BranchMerge,

    /// <summary><c>admin</c>: reserved, no route uses it yet. Takes no scope.</summary>
    Admin,

    /// <summary><c>invoke_query</c>: invoke a stored query by name. Takes no scope.</summary>
    InvokeQuery,

    /// <summary><c>graph_list</c>: <c>GET /graphs</c>; server-scoped, only in a bundle bound to the server. Takes no scope.</summary>
    GraphList,

    /// <summary>
    /// <c>promote</c>: confirm a promotion into a branch, or revert one (from the source, targeting the target). The only
    /// write a protected branch takes. Takes <c>target_branch_scope</c>.
    /// </summary>
    Promote,
}
