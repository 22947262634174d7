namespace OmniGraph.Abstractions;

/// <summary>
/// What <c>omnigraph repair</c> may do (docs/maintenance.md, "repair"). Without <see cref="Confirm"/> it only classifies.
/// </summary>
/// <param name="Confirm">Carry out the verified fixes: delete verified orphans older than the grace period, rebuild derived files.</param>
/// <param name="GraceMicros">
/// An orphan younger than this many microseconds (by its last write) is kept: a write still staging its rows names its
/// objects nowhere until it commits, so only an orphan older than any write can be is verified garbage.
/// </param>
[GenerateSerializer]
[Immutable]
public sealed record ObjectRepairRequest(
    [property: Id(0)] bool Confirm,
    [property: Id(1)] long GraceMicros)
{
    /// <summary>The default grace period: one day (a write that stages for longer than that may lose its staged objects).</summary>
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromDays(1);
}
