namespace Orleans;

/// <summary>
/// Overrides a grain class's type name (by default the class name, lower-cased, without a trailing "grain"),
/// which is the first half of its <see cref="Runtime.GrainId"/> string form and of its storage keys.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public GrainTypeAttribute(string grainType)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainType);
        GrainType = grainType;
    }

    /// <summary>The grain type name.</summary>
    public string GrainType { get; }
}
