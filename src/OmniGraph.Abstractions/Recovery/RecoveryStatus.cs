using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OmniGraph.Abstractions;

/// <summary>Recovery sidecars left in a graph's store after the last heal.</summary>
/// <param name="Pending">Each sidecar still present, in key order.</param>
[GenerateSerializer]
[Immutable]
public sealed record RecoveryStatus([property: Id(0)] ImmutableArray<PendingSidecar> Pending)
{
    /// <summary><c>true</c> when no sidecar is left.</summary>
    public bool IsClean => Pending.IsDefaultOrEmpty;
}

/// <summary>A sidecar that is still present.</summary>
/// <param name="Key">Its object key (<c>recovery/{tx}.json</c>).</param>
/// <param name="Branch">The branch it writes, when it could be read.</param>
/// <param name="State">Why it is still there.</param>
/// <param name="Reason">What went wrong, for refused sidecars and failed heals.</param>
[GenerateSerializer]
[Immutable]
public sealed record PendingSidecar(
    [property: Id(0), JsonPropertyName("key")] string Key,
    [property: Id(1), JsonPropertyName("branch")] string? Branch,
    [property: Id(2), JsonPropertyName("state")] PendingSidecarState State,
    [property: Id(3), JsonPropertyName("reason")] string? Reason);

/// <summary>Why a sidecar is still present.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PendingSidecarState>))]
public enum PendingSidecarState
{
    /// <summary>It could not be read or has an unknown format: writes are refused until an operator removes it.</summary>
    [JsonStringEnumMemberName("refused")]
    Refused,

    /// <summary>A heal of it failed (an I/O error, or the manifest version it is based on is missing); the next heal tries again.</summary>
    [JsonStringEnumMemberName("heal_failed")]
    HealFailed,

    /// <summary>It belongs to a write that may still be in flight in another process; it is healed once it is stale.</summary>
    [JsonStringEnumMemberName("deferred")]
    Deferred,
}
