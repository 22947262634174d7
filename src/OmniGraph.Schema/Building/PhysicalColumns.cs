namespace OmniGraph.Schema.Building;

/// <summary>Names a declared property may not use because storage owns a column of that name.</summary>
internal static class PhysicalColumns
{
    /// <summary>System columns of the storage engine; rejected on every type.</summary>
    private static readonly string[] s_systemColumns =
    [
        "_rowid",
        "_rowaddr",
        "_rowoffset",
        "_row_created_at_version",
        "_row_last_updated_at_version",
        "_tombstone",
    ];

    public const string EdgeSource = "src";

    public const string EdgeTarget = "dst";

    public static bool IsSystemColumn(string name) => Array.IndexOf(s_systemColumns, name) >= 0;

    /// <summary><c>id</c> on nodes (and interfaces, which inject into nodes); <c>id</c>, <c>src</c>, <c>dst</c> on edges.</summary>
    public static bool IsStructuralColumn(string name, bool isEdge) =>
        name == "id" || (isEdge && name is EdgeSource or EdgeTarget);

    public static bool IsEdgeEndpoint(string name) => name is EdgeSource or EdgeTarget;
}
