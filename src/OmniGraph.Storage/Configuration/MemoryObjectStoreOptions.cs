namespace OmniGraph.Storage;

/// <summary>Settings of a memory store registered through dependency injection.</summary>
public sealed class MemoryObjectStoreOptions
{
    /// <summary>
    /// When set, the process-wide store of that name (<see cref="NamedMemoryObjectStores"/>, also reachable as
    /// <c>memory://name</c>); when <c>null</c>, a store private to the service provider.
    /// </summary>
    public string? Name { get; set; }
}
