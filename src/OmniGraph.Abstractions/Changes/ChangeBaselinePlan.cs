namespace OmniGraph.Abstractions;

/// <summary>A baseline about to be written: the export to run (one commit, some types) and the record that ends it.</summary>
/// <param name="Export">The export of the pinned head commit.</param>
/// <param name="Record">The terminal record, written only after every entity record.</param>
[GenerateSerializer]
[Immutable]
public sealed record ChangeBaselinePlan(
    [property: Id(0)] ExportRequest Export,
    [property: Id(1)] ChangeBaselineRecord Record);
