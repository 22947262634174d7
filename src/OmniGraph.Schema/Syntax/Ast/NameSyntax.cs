namespace OmniGraph.Schema.Syntax;

/// <summary>A name as written in the source, with where it was written.</summary>
public readonly record struct NameSyntax(string Text, SourcePosition Position)
{
    /// <inheritdoc />
    public override string ToString() => Text;
}
