namespace OmniGraph.Storage.Azure;

/// <summary>Settings of one <see cref="AzureBlobObjectStore"/>: the account (inherited), the container and a key prefix.</summary>
public sealed class AzureBlobObjectStoreOptions : AzureBlobAccountOptions
{
    /// <summary>The blob container that holds the store (3 to 63 lower-case letters, digits and single hyphens).</summary>
    public string ContainerName { get; set; } = string.Empty;

    /// <summary>
    /// Key prefix inside the container (for example <c>graphs/g1</c>); empty for the whole container. With a prefix
    /// the store is a <see cref="PrefixedObjectStore"/> view, as <c>az://container/prefix</c> opens it.
    /// </summary>
    public string Prefix { get; set; } = string.Empty;
}
