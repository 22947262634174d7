namespace OmniGraph.Security;

/// <summary>
/// One question to the access decision: may <paramref name="Actor"/> do <paramref name="Action"/> on
/// <paramref name="Graph"/>? The branch fields are the Cedar context (operations.md §3.4, and §2.4 per route: a read's
/// branch, a merge's source as <paramref name="Branch"/> and target as <paramref name="TargetBranch"/>).
/// </summary>
/// <param name="Actor">The actor the bearer token resolved to; <c>null</c> when there is none (open mode, or an engine write without one).</param>
/// <param name="Action">The action.</param>
/// <param name="Graph">The graph id; <c>null</c> for the server-scoped <c>graph_list</c>.</param>
/// <param name="Branch">The branch the action reads or writes, or <c>null</c>.</param>
/// <param name="TargetBranch">The branch the action targets, or <c>null</c>.</param>
public sealed record AccessRequest(string? Actor, PolicyAction Action, string? Graph, string? Branch = null, string? TargetBranch = null);
