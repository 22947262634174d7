namespace Orleans;

/// <summary>
/// Declares that a type (or a member, parameter or return value) is never mutated after construction, so Orleans
/// may pass it without a defensive copy. The portability check accepts types that carry it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.ReturnValue)]
public sealed class ImmutableAttribute : Attribute
{
}
