namespace Orleans;

/// <summary>The stable wire id of a serialized member (scoped per inheritance level). Never reuse or reorder ids.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum | AttributeTargets.Method)]
public sealed class IdAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public IdAttribute(uint id)
    {
        Id = id;
    }

    /// <summary>The member id.</summary>
    public uint Id { get; }
}
