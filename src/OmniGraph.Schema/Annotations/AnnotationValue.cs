namespace OmniGraph.Schema;

/// <summary>An annotation argument value: its text (decoded for strings) and how it was written.</summary>
public readonly record struct AnnotationValue(LiteralKind Kind, string Text)
{
    /// <summary>Renders the value as <c>.pg</c> source (strings quoted and escaped).</summary>
    public string ToSourceText() => Kind == LiteralKind.String ? PgText.Quote(Text) : Text;

    /// <inheritdoc />
    public override string ToString() => ToSourceText();
}
