namespace OmniGraph;

/// <summary>The codes of schema evolution: <c>schema plan</c> and <c>schema apply</c> (docs/schema-language.md, "Changing the schema").</summary>
public static partial class ErrorCodes
{
    /// <summary>The desired schema needs a change no migration step supports (each one is listed); nothing was written.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SchemaChangeUnsupported = "schema_change_unsupported";

    /// <summary>A <c>@rename_from("X")</c> names no declaration of the accepted schema.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SchemaRenameUnknown = "schema_rename_unknown";

    /// <summary>Schema apply needs a graph whose only branch is main (a branch would keep tables of the old schema); nothing was written.</summary>
    [ErrorCode(ErrorKind.Conflict)]
    public const string SchemaApplyBranchesExist = "schema_apply_branches_exist";

    /// <summary>The desired schema breaks a stored query (named), which no longer passes its schema check; nothing was written.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SchemaApplyBreaksStoredQuery = "schema_apply_breaks_stored_query";

    /// <summary>A write's rows were laid out for a schema the branch no longer has (a schema apply published in between); nothing was written, run it again.</summary>
    [ErrorCode(ErrorKind.Conflict)]
    public const string SchemaChanged = "schema_changed";
}
