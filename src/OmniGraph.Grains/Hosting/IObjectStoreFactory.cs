namespace OmniGraph.Grains.Hosting;

/// <summary>
/// Opens the object store at a location (a path, a <c>file://</c> or <c>memory://</c> URI). Stores are addressed by
/// location everywhere in a silo — the options, the graph registry — and opened through this one service, so every silo
/// of a cluster reaches the same store for the same location (<c>memory://</c> stores are process-wide). A host may
/// decorate it (the test cluster does, to cut a killed silo off its stores).
/// </summary>
public interface IObjectStoreFactory
{
    /// <summary>Opens the store at <paramref name="location"/>; one call per location and silo (the graph directory caches it).</summary>
    /// <exception cref="InvalidObjectStoreUriException">The location cannot be parsed.</exception>
    IObjectStore Open(string location);
}
