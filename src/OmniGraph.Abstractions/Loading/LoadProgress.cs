namespace OmniGraph.Abstractions;

/// <summary>How far a load session has come.</summary>
/// <param name="BytesReceived">Input bytes received so far.</param>
/// <param name="LinesRead">Complete physical lines parsed (blank ones included).</param>
/// <param name="RecordsRead">Records (non-blank lines) parsed.</param>
/// <param name="FragmentsStaged">Fragments handed to table grains so far (written or being written).</param>
[GenerateSerializer]
[Immutable]
public sealed record LoadProgress(
    [property: Id(0)] long BytesReceived,
    [property: Id(1)] long LinesRead,
    [property: Id(2)] long RecordsRead,
    [property: Id(3)] int FragmentsStaged)
{
    /// <summary>
    /// The most fragment bytes the session has held at once so far (parsed and not yet durably staged, as the intake
    /// estimates their columnar size): the load's memory is bounded by this, never by the size of the input.
    /// </summary>
    [Id(4)]
    public long PeakBytesInFlight { get; init; }
}
