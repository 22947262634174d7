namespace Orleans.Runtime;

/// <summary>Which state a persistent-state facet holds and which storage provider keeps it.</summary>
public interface IPersistentStateConfiguration
{
    /// <summary>The state name passed to the storage provider.</summary>
    string StateName { get; }

    /// <summary>The storage provider name, or <c>null</c> for the provider registered as "Default".</summary>
    string? StorageName { get; }
}
