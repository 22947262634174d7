using System.Collections.Immutable;

namespace OmniGraph.Abstractions;

/// <summary>What a heal did.</summary>
/// <param name="Outcomes">One entry per sidecar it resolved, in sidecar order.</param>
/// <param name="Status">Sidecars still present afterwards.</param>
[GenerateSerializer]
[Immutable]
public sealed record HealReport(
    [property: Id(0)] ImmutableArray<HealOutcome> Outcomes,
    [property: Id(1)] RecoveryStatus Status);

/// <summary>How one sidecar was resolved.</summary>
/// <param name="Tx">The write transaction.</param>
/// <param name="Branch">Its branch.</param>
/// <param name="Action">Rolled forward or back.</param>
/// <param name="CommitId">The commit now published for it: the original commit (forward) or the fencing rollback commit (back), if one was published.</param>
[GenerateSerializer]
[Immutable]
public sealed record HealOutcome(
    [property: Id(0)] string Tx,
    [property: Id(1)] string Branch,
    [property: Id(2)] HealAction Action,
    [property: Id(3)] string? CommitId);

/// <summary>Heal decisions.</summary>
public enum HealAction
{
    /// <summary>Every effect was in place (or published): the write is visible with its original commit.</summary>
    RolledForward,

    /// <summary>The write was undone; a fencing rollback commit was published if nothing else had taken its manifest version.</summary>
    RolledBack,
}
