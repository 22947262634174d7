namespace OmniGraph.Schema;

/// <summary>A keyword argument <c>name=value</c> of a custom annotation.</summary>
public readonly record struct AnnotationArgument(string Name, AnnotationValue Value);
