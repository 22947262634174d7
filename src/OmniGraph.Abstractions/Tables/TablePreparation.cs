namespace OmniGraph.Abstractions;

/// <summary>
/// One write's change to one table in a batch of writes prepared together
/// (<see cref="ITableBranchProtocol.PrepareVersionsAsync"/>): the write's transaction and what it changes.
/// </summary>
/// <param name="Tx">The write's transaction (names its staged version).</param>
/// <param name="Delta">What the write changes in the table.</param>
[GenerateSerializer]
[Immutable]
internal sealed record TablePreparation(
    [property: Id(0)] string Tx,
    [property: Id(1)] TableDelta Delta);
