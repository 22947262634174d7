namespace OmniGraph.Ingest;

/// <summary>
/// Two rows of the file carry the same explicit id (<c>data.id</c>) for an unkeyed node type or an edge type while the
/// load mode inserts strictly (append, overwrite); in merge mode the later row replaces the earlier one instead.
/// Code <c>key_conflict</c> (HTTP 409).
/// </summary>
public sealed class KeyConflictException : IngestException
{
    internal KeyConflictException(long line, string tableName, string entityId, long firstLine)
        : base(IngestErrorCodes.KeyConflict, AtLine(line, Describe(tableName, entityId, firstLine)), Describe(tableName, entityId, firstLine), line, "id", tableName, null)
    {
        EntityId = entityId;
        FirstLine = firstLine;
    }

    /// <summary>The repeated id.</summary>
    public string EntityId { get; }

    /// <summary>The line that first used the id.</summary>
    public long FirstLine { get; }

    private static string Describe(string tableName, string entityId, long firstLine) =>
        $"{tableName} id '{entityId}' appears twice in this load (first on line {firstLine})";
}
