namespace OmniGraph.Storage;

/// <summary>A parsed store location.</summary>
/// <param name="Kind">Which backend.</param>
/// <param name="Address">
/// An absolute directory path for <see cref="ObjectStoreKind.LocalDirectory"/>; the store name for
/// <see cref="ObjectStoreKind.Memory"/>; the canonical location (<c>scheme://...</c>) for
/// <see cref="ObjectStoreKind.Provider"/>.
/// </param>
/// <param name="Scheme">The provider's scheme for <see cref="ObjectStoreKind.Provider"/>; otherwise <c>null</c>.</param>
public sealed record ObjectStoreLocation(ObjectStoreKind Kind, string Address, string? Scheme = null)
{
    /// <summary>A location handled by the provider of <paramref name="scheme"/>, in its canonical form <paramref name="canonical"/>.</summary>
    public static ObjectStoreLocation ForProvider(string scheme, string canonical)
    {
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        ArgumentException.ThrowIfNullOrEmpty(canonical);
        return new ObjectStoreLocation(ObjectStoreKind.Provider, canonical, scheme);
    }

    /// <summary>The canonical text form (<c>file:///abs/path</c>, <c>memory://name</c>, or the provider's form).</summary>
    public override string ToString() => Kind switch
    {
        ObjectStoreKind.LocalDirectory => new Uri(Address).AbsoluteUri,
        ObjectStoreKind.Memory => $"memory://{Address}",
        _ => Address,
    };
}
