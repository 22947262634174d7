namespace OmniGraph.Abstractions;

/// <summary>Where a load spent its time inside the session (diagnostics; the client's own reading is not included).</summary>
/// <param name="ParseMilliseconds">Parsing and validating the input, and handing full fragments to table grains (waits for writes in flight included).</param>
/// <param name="StagingMilliseconds">After the last chunk: ending the input and waiting for the fragment writes still in flight.</param>
/// <param name="CommitMilliseconds">The commit: preparing every table's version, the cross-table checks and the commit protocol.</param>
[GenerateSerializer]
[Immutable]
public sealed record LoadTimings(
    [property: Id(0)] double ParseMilliseconds,
    [property: Id(1)] double StagingMilliseconds,
    [property: Id(2)] double CommitMilliseconds);
