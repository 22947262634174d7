namespace OmniGraph.Abstractions;

/// <summary>Facts about one loaded table version.</summary>
/// <param name="Version">The version.</param>
/// <param name="RowCount">Live rows.</param>
/// <param name="FragmentCount">Fragments listed by the version.</param>
/// <param name="DeletedRowCount">Rows of those fragments hidden by deletion vectors.</param>
[GenerateSerializer]
[Immutable]
public sealed record TableVersionInfo(
    [property: Id(0)] TableVersionRef Version,
    [property: Id(1)] long RowCount,
    [property: Id(2)] int FragmentCount,
    [property: Id(3)] long DeletedRowCount);
