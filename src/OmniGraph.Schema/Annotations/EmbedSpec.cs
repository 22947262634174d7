namespace OmniGraph.Schema;

/// <summary>
/// What <c>@embed("source", model="m")</c> records on a Vector property: the String property whose text is
/// embedded, and the model name if given. Embeddings are not computed at load time.
/// </summary>
public sealed record EmbedSpec(string SourceProperty, string? Model)
{
    /// <summary>Renders the annotation as <c>.pg</c> source.</summary>
    public string ToSourceText() =>
        Model is null
            ? $"@embed({PgText.Quote(SourceProperty)})"
            : $"@embed({PgText.Quote(SourceProperty)}, model={PgText.Quote(Model)})";
}
