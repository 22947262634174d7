namespace OmniGraph.Abstractions;

/// <summary>How a write's rows apply to a table's committed rows.</summary>
public enum TableWriteMode
{
    /// <summary>Upsert by id: a row whose id exists replaces the committed row (whole row); a repeated id within the write keeps the last row.</summary>
    Upsert,

    /// <summary>Strict insert: an id that exists in the committed table is a <c>key_conflict</c>, so is an id repeated within the write.</summary>
    Insert,

    /// <summary>Replace the table: the new version holds exactly the write's rows (zero rows empties it); ids must be unique within the write.</summary>
    Overwrite,
}
