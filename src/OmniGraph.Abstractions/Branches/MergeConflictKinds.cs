namespace OmniGraph.Abstractions;

/// <summary>The wire names of <see cref="MergeConflictKind"/> (snake_case, stable).</summary>
public static class MergeConflictKinds
{
    /// <summary>The wire name: <c>divergent_insert</c>, <c>divergent_update</c>, <c>delete_vs_update</c>, <c>orphan_edge</c>, <c>unique</c>, <c>cardinality</c>, <c>value_constraint</c>.</summary>
    public static string ToWireName(this MergeConflictKind kind) => kind switch
    {
        MergeConflictKind.DivergentInsert => "divergent_insert",
        MergeConflictKind.DivergentUpdate => "divergent_update",
        MergeConflictKind.DeleteVsUpdate => "delete_vs_update",
        MergeConflictKind.OrphanEdge => "orphan_edge",
        MergeConflictKind.Unique => "unique",
        MergeConflictKind.Cardinality => "cardinality",
        MergeConflictKind.ValueConstraint => "value_constraint",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown merge conflict kind"),
    };

    /// <summary>The kind a wire name names (the inverse of <see cref="ToWireName"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a conflict kind.</exception>
    public static MergeConflictKind Parse(string name) =>
        Enum.GetValues<MergeConflictKind>().FirstOrDefault(k => string.Equals(k.ToWireName(), name, StringComparison.Ordinal), (MergeConflictKind)(-1)) is var kind && (int)kind >= 0
            ? kind
            : throw new ArgumentOutOfRangeException(nameof(name), name, "unknown merge conflict kind");
}
