namespace OmniGraph.Schema;

/// <summary>
/// <c>@card(min..max)</c>: how many outgoing edges of one type each source node may have. The default is
/// <c>0..</c> (no bound). Checked only for source nodes a write touches.
/// </summary>
public readonly record struct EdgeCardinality(uint Min, uint? Max)
{
    /// <summary><c>0..</c>: any number of edges.</summary>
    public static EdgeCardinality Default => new(0, null);

    /// <summary><c>true</c> for the unconstrained default.</summary>
    public bool IsDefault => Min == 0 && Max is null;

    /// <summary><c>true</c> when <paramref name="count"/> edges satisfy the bounds.</summary>
    public bool Allows(long count) => count >= Min && (Max is not { } max || count <= max);

    /// <summary>Renders the clause, e.g. <c>@card(1..1)</c> or <c>@card(1..)</c>.</summary>
    public string ToSourceText() => $"@card({Min}..{Max})";

    /// <inheritdoc />
    public override string ToString() => ToSourceText();
}
