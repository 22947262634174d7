namespace OmniGraph.Engine;

/// <summary>
/// A strict insert of an id that the committed table (or the same write) already holds:
/// <c>node type 'Person' already has id 'Alice'</c>. Nothing was written. Code <c>key_conflict</c> (HTTP 409).
/// </summary>
public sealed class WriteKeyConflictException : OmniGraphException
{
    public WriteKeyConflictException(string table, string entityId)
        : base(EngineErrorCodes.KeyConflict, $"{KindOf(table)} type '{TypeOf(table)}' already has id '{entityId}'")
    {
        Table = table;
        EntityId = entityId;
    }

    /// <summary>The table key (<c>node:Person</c>).</summary>
    public string Table { get; }

    /// <summary><c>node</c> or <c>edge</c>.</summary>
    public string EntityKind => KindOf(Table);

    /// <summary>The type name.</summary>
    public string TypeName => TypeOf(Table);

    /// <summary>The conflicting id.</summary>
    public string EntityId { get; }

    private static string KindOf(string table) => table.StartsWith("edge:", StringComparison.Ordinal) ? "edge" : "node";

    private static string TypeOf(string table) => table[(table.IndexOf(':', StringComparison.Ordinal) + 1)..];
}
