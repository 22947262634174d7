namespace Orleans.Runtime;

/// <summary>Creates persistent-state facets for an activation (what constructor injection uses).</summary>
public interface IPersistentStateFactory
{
    /// <summary>Creates the facet; when called during activation its state is read before <c>OnActivateAsync</c>.</summary>
    /// <exception cref="Storage.BadProviderConfigException">No storage provider has the configured name.</exception>
    IPersistentState<TState> Create<TState>(IGrainContext context, IPersistentStateConfiguration config);
}
