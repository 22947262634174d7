namespace OmniGraph.Storage;

/// <summary>A parsed store location.</summary>
/// <param name="Kind">Which backend.</param>
/// <param name="Address">An absolute directory path for <see cref="ObjectStoreKind.LocalDirectory"/>; the store name for <see cref="ObjectStoreKind.Memory"/>.</param>
public sealed record ObjectStoreLocation(ObjectStoreKind Kind, string Address)
{
    /// <summary>The canonical text form (<c>file:///abs/path</c> or <c>memory://name</c>).</summary>
    public override string ToString() => Kind switch
    {
        ObjectStoreKind.LocalDirectory => new Uri(Address).AbsoluteUri,
        _ => $"memory://{Address}",
    };
}
