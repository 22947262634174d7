using System.Collections.Immutable;

namespace OmniGraph.Abstractions;

/// <summary>
/// For each probed tuple of a <c>@unique</c> constraint, the id of the live row holding it, or <c>null</c> when no row
/// does (or the tuple has a null member, which is exempt).
/// </summary>
/// <param name="Holders">One entry per probe row.</param>
[GenerateSerializer]
[Immutable]
public sealed record UniqueProbeResult([property: Id(0)] ImmutableArray<string?> Holders);
