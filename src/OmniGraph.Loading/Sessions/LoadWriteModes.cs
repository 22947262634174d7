using OmniGraph.Abstractions;
using OmniGraph.Ingest;

namespace OmniGraph.Loading.Sessions;

/// <summary>How a load mode maps onto the intake's within-file rules and the engine's table write modes.</summary>
internal static class LoadWriteModes
{
    /// <summary>The intake mode (within-file rules for repeated ids).</summary>
    public static LoadMode ToIntakeMode(GraphLoadMode mode) => mode switch
    {
        GraphLoadMode.Overwrite => LoadMode.Overwrite,
        GraphLoadMode.Append => LoadMode.Append,
        GraphLoadMode.Merge => LoadMode.Merge,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown load mode"),
    };

    /// <summary>
    /// The engine mode of every table the file touches: overwrite replaces the table, append is a strict insert, merge an
    /// upsert (a repeated id within the file keeps its last row, which is what the intake's merge rule promises).
    /// </summary>
    public static TableWriteMode ToTableWriteMode(GraphLoadMode mode) => mode switch
    {
        GraphLoadMode.Overwrite => TableWriteMode.Overwrite,
        GraphLoadMode.Append => TableWriteMode.Insert,
        GraphLoadMode.Merge => TableWriteMode.Upsert,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown load mode"),
    };

    /// <summary>
    /// Whether a commit that lost the branch head before any effect is prepared again on the new head. Appends and merges
    /// do not depend on what they replace, so they are re-prepared; an overwrite replaces a table image it was validated
    /// against and reports the conflict instead.
    /// </summary>
    public static bool RetriesOnReadSetChange(GraphLoadMode mode) => mode != GraphLoadMode.Overwrite;
}
