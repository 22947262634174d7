namespace OmniGraph.Tables.Storage.Documents;

/// <summary>What a soft drop kept, as a manifest lists it (see <c>DroppedTable</c>).</summary>
internal sealed class DroppedTableDocument
{
    /// <summary>The table version as it was when it was dropped.</summary>
    public required TableVersionRefDocument Version { get; init; }

    /// <summary>The dropped property's name, or <c>null</c> when the whole type was dropped.</summary>
    public required string? Property { get; init; }
}
