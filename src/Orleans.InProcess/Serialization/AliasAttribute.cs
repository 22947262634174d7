namespace Orleans;

/// <summary>A stable, rename-tolerant wire name for a type, interface or method.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Enum | AttributeTargets.Method, AllowMultiple = true)]
public sealed class AliasAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public AliasAttribute(string alias)
    {
        ArgumentException.ThrowIfNullOrEmpty(alias);
        Alias = alias;
    }

    /// <summary>The alias.</summary>
    public string Alias { get; }
}
