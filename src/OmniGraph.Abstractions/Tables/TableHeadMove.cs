namespace OmniGraph.Abstractions;

/// <summary>
/// One head move of the commit protocol: the physical head of a table goes from <see cref="Expected"/> to
/// <see cref="Staged"/> for the write that publishes manifest version <see cref="ManifestVersion"/>. The head record
/// keeps that version: it is the durable evidence that the write reached its commit point once its recovery sidecar is
/// gone, which is how a lost manifest version is told from one that was never published
/// (docs/design/storage-engine.md §3.5).
/// </summary>
/// <param name="Tx">The write transaction (it staged <paramref name="Staged"/>).</param>
/// <param name="Expected">The published version the move starts from.</param>
/// <param name="Staged">The version the head moves to (one or more versions past <paramref name="Expected"/>).</param>
/// <param name="ManifestVersion">The manifest version the write that staged <paramref name="Staged"/> publishes.</param>
[GenerateSerializer]
[Immutable]
internal sealed record TableHeadMove(
    [property: Id(0)] string Tx,
    [property: Id(1)] TableVersionRef Expected,
    [property: Id(2)] TableVersionRef Staged,
    [property: Id(3)] long ManifestVersion);
