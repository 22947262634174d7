namespace OmniGraph.Abstractions;

/// <summary>One reason a merge was refused. A merge with any conflict writes nothing and reports all of them.</summary>
/// <param name="Table">The table key (<c>node:Person</c>, <c>edge:Knows</c>).</param>
/// <param name="Kind">What kind of conflict.</param>
/// <param name="EntityId">The entity concerned, when there is one (a row conflict, a node whose <c>@card</c> breaks); <c>null</c> otherwise.</param>
/// <param name="Message">What is wrong, in words (names the values where that helps).</param>
[GenerateSerializer]
[Immutable]
public sealed record MergeConflict(
    [property: Id(0)] string Table,
    [property: Id(1)] MergeConflictKind Kind,
    [property: Id(2)] string? EntityId,
    [property: Id(3)] string Message)
{
    /// <summary><c>node</c> or <c>edge</c>.</summary>
    public string EntityKind => Table.StartsWith("edge:", StringComparison.Ordinal) ? "edge" : "node";

    /// <summary>The type name without its <c>node:</c>/<c>edge:</c> prefix.</summary>
    public string TypeName => Table[(Table.IndexOf(':', StringComparison.Ordinal) + 1)..];

    /// <inheritdoc />
    public override string ToString() => EntityId is null ? $"{Kind.ToWireName()} {Table}: {Message}" : $"{Kind.ToWireName()} {Table} '{EntityId}': {Message}";
}
