namespace Orleans.Runtime;

/// <summary>
/// On an <see cref="IPersistentState{TState}"/> constructor parameter of a grain class: which state it is and
/// which storage provider keeps it.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute : Attribute, IPersistentStateConfiguration
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="stateName">The state name passed to the storage provider.</param>
    /// <param name="storageName">The storage provider name; <c>null</c> means the one registered as "Default".</param>
    public PersistentStateAttribute(string stateName, string? storageName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        StateName = stateName;
        StorageName = storageName;
    }

    /// <inheritdoc />
    public string StateName { get; }

    /// <inheritdoc />
    public string? StorageName { get; }
}
