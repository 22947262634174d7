namespace OmniGraph.Abstractions;

/// <summary>Wire names of <see cref="ChangeOp"/> and of entity kinds.</summary>
public static class ChangeOps
{
    /// <summary>The wire name of an entity kind: <c>node</c> or <c>edge</c>.</summary>
    public static string KindName(bool isEdge) => isEdge ? "edge" : "node";

    /// <summary>The wire name: <c>insert</c>, <c>update</c>, <c>delete</c>.</summary>
    public static string ToWireName(this ChangeOp op) => op switch
    {
        ChangeOp.Insert => "insert",
        ChangeOp.Update => "update",
        _ => "delete",
    };

    /// <summary>Parses a wire name.</summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_change_request</c>: Not an operation.</exception>
    public static ChangeOp Parse(string name) => name switch
    {
        "insert" => ChangeOp.Insert,
        "update" => ChangeOp.Update,
        "delete" => ChangeOp.Delete,
        _ => throw EngineErrors.InvalidChangeRequest("op", $"'{ErrorText.Quote(name)}' is not an operation (insert, update or delete)"),
    };
}
