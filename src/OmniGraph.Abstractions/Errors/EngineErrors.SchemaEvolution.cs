namespace OmniGraph.Abstractions;

public static partial class EngineErrors
{
    /// <summary><c>schema_apply_branches_exist</c>: schema apply needs a graph whose only branch is main.</summary>
    public static OmniGraphException SchemaApplyBranchesExist(IReadOnlyCollection<string> branches) =>
        new(
            ErrorCodes.SchemaApplyBranchesExist,
            $"schema apply requires a graph with only main (it has {string.Join(", ", branches.Select(static b => $"'{b}'"))}): merge or delete the other branches first; nothing was written",
            ErrorDetails.Of(ErrorDetail.Branch.With(string.Join(",", branches))));

    /// <summary><c>schema_apply_breaks_stored_query</c>: the desired schema fails the schema check of stored query <paramref name="name"/>.</summary>
    public static OmniGraphException SchemaApplyBreaksStoredQuery(string name, OmniGraphException check) =>
        new(
            ErrorCodes.SchemaApplyBreaksStoredQuery,
            $"the new schema breaks stored query '{ErrorText.Quote(name)}' (schema check: {check.Message}); change or remove the query first; nothing was written",
            ErrorDetails.Of(ErrorDetail.Member.With(name), ErrorDetail.Reason.With(check.Message)),
            check);

    /// <summary><c>schema_changed</c>: the write's rows were laid out for <paramref name="expected"/>, <paramref name="branch"/> now has <paramref name="actual"/>.</summary>
    public static OmniGraphException SchemaChanged(string branch, string expected, string actual) =>
        new(
            ErrorCodes.SchemaChanged,
            $"the schema of branch '{branch}' changed while the write was prepared (from {expected} to {actual}); nothing was written, run it again",
            ErrorDetails.Of(ErrorDetail.Branch.With(branch), ErrorDetail.Expected.With(expected), ErrorDetail.Actual.With(actual)));
}
