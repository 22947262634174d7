using Orleans.Core;

namespace Orleans.Runtime;

/// <summary>
/// A named piece of grain state backed by an <see cref="Storage.IGrainStorage"/>, injected into the grain
/// constructor with <see cref="PersistentStateAttribute"/>. It is read before <see cref="IGrainBase.OnActivateAsync"/>.
/// </summary>
/// <typeparam name="TState">The state type.</typeparam>
public interface IPersistentState<TState> : IStorage<TState>
{
}
