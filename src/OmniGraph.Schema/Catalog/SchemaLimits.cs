namespace OmniGraph.Schema;

/// <summary>
/// Limits a schema must stay within, checked when the schema is accepted (so <c>init</c> refuses what a later load could
/// not store).
/// </summary>
public static class SchemaLimits
{
    /// <summary>
    /// The longest type, edge, interface or property name: 128 characters (names are ASCII, so also 128 bytes). Type
    /// names become part of the engine's storage keys (a table's grain and its state object are keyed
    /// <c>{graph}/node:{Type}@{branch}</c>), and an object key is at most 1,024 bytes; 128 leaves room for the graph id
    /// (up to 128) and a branch name within that bound, with margin.
    /// </summary>
    public const int MaxNameLength = 128;
}
