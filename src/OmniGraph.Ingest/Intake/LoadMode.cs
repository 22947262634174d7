namespace OmniGraph.Ingest;

/// <summary>
/// How a load applies to committed data. The intake uses the mode only for its within-file rules; the rules
/// against committed rows belong to the storage engine.
/// </summary>
public enum LoadMode : byte
{
    /// <summary>
    /// Each table the file touches is replaced by exactly the file's rows. Within the file: duplicate <c>@key</c> values
    /// are a <c>unique_violation</c>, duplicate explicit ids a <c>key_conflict</c>.
    /// </summary>
    Overwrite,

    /// <summary>
    /// Strict insert. Within the file: duplicate <c>@key</c> values are a <c>unique_violation</c>, duplicate explicit ids
    /// a <c>key_conflict</c>.
    /// </summary>
    Append,

    /// <summary>
    /// Upsert by id (whole-row replacement). Within the file: duplicate <c>@key</c> values are still a
    /// <c>unique_violation</c>; a repeated explicit id (unkeyed nodes, edges) replaces the earlier row: last write wins,
    /// and the earlier row is reported as superseded.
    /// </summary>
    Merge,
}
