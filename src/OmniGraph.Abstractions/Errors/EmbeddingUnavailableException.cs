namespace OmniGraph.Engine;

/// <summary>
/// An insert leaves out a required <c>@embed</c> vector (the type checker allows that when its source property is
/// assigned), so the vector would have to be computed from the source text, and embedding generation is not available
/// in this build. Assign the vector explicitly. Nothing was written. Code <c>embedding_unavailable</c> (HTTP 400).
/// </summary>
public sealed class EmbeddingUnavailableException : OmniGraphException
{
    public EmbeddingUnavailableException(string typeName, string propertyName, string sourceProperty)
        : base(
            MutationErrorCodes.EmbeddingUnavailable,
            $"insert for `{typeName}` leaves out `{propertyName}`, which @embed would compute from `{sourceProperty}`, but embedding generation is not available yet; assign `{propertyName}` explicitly")
    {
        TypeName = typeName;
        PropertyName = propertyName;
        SourceProperty = sourceProperty;
    }

    /// <summary>The node type.</summary>
    public string TypeName { get; }

    /// <summary>The vector property left out.</summary>
    public string PropertyName { get; }

    /// <summary>The property its embedding would be computed from.</summary>
    public string SourceProperty { get; }
}
