namespace OmniGraph.Schema;

/// <summary>
/// A 1-based line and column in schema source text. Columns count UTF-16 code units, so a tab is
/// one column. The default value means "no source position" (for example, a catalog rebuilt from IR).
/// </summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>The absent position.</summary>
    public static SourcePosition None => default;

    /// <summary><c>true</c> when the position points into source text.</summary>
    public bool IsKnown => Line > 0;

    /// <inheritdoc />
    public override string ToString() => IsKnown ? $"line {Line}, column {Column}" : "no source position";
}
