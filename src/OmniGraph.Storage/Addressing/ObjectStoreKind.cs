namespace OmniGraph.Storage;

/// <summary>The backends a store location can name.</summary>
public enum ObjectStoreKind
{
    /// <summary>A local directory (<see cref="LocalDirectoryObjectStore"/>): a path or a <c>file://</c> URI.</summary>
    LocalDirectory,

    /// <summary>A process-wide named memory store (<see cref="MemoryObjectStore"/>): <c>memory://name</c>.</summary>
    Memory,

    /// <summary>
    /// A scheme handled by a registered <see cref="IObjectStoreProvider"/> (for example <c>az://</c>, the Azure Blob
    /// store of OmniGraph.Storage.Azure); <see cref="ObjectStoreLocation.Scheme"/> names it.
    /// </summary>
    Provider,
}
