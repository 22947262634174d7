namespace Orleans;

/// <summary>
/// Marks a type whose serializer the Orleans source generator produces. The in-process runtime passes
/// values by reference and generates nothing; the attribute keeps the type ready for real Orleans, and the
/// grain-interface portability check accepts types that carry it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum)]
public sealed class GenerateSerializerAttribute : Attribute
{
    /// <summary>Whether primary-constructor parameters of records are serialized (default <c>true</c>).</summary>
    public bool IncludePrimaryConstructorParameters { get; init; } = true;

    /// <summary>Which members get implicit field ids.</summary>
    public GenerateFieldIds GenerateFieldIds { get; init; } = GenerateFieldIds.None;
}
