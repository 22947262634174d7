namespace OmniGraph.Abstractions;

/// <summary>
/// Rows a soft drop kept (docs/schema-language.md, "Soft and hard drops"): the table version, laid out by the schema
/// before the drop, that a later <c>schema apply</c> restores from. Hidden from every read of the head; named by every
/// later manifest version, so cleanup keeps its objects until a hard drop (<c>--allow-data-loss</c>) releases it.
/// </summary>
/// <param name="Version">The table version as it was when it was dropped (its schema hash names the schema that laid it out).</param>
/// <param name="Property">The dropped property's name, or <c>null</c> when the whole type was dropped.</param>
[GenerateSerializer]
[Immutable]
public sealed record DroppedTable(
    [property: Id(0)] TableVersionRef Version,
    [property: Id(1)] string? Property);
