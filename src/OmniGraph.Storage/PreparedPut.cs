namespace OmniGraph.Storage;

/// <summary>
/// A put whose content was made durable ahead of its publication (<see cref="IObjectStore.PreparePutAsync"/>): publish
/// it with <see cref="IObjectStore.PublishAsync"/> of the same store, or drop it with <see cref="IObjectStore.DiscardAsync"/>.
/// </summary>
public sealed class PreparedPut
{
    /// <summary>Creates a prepared put; <paramref name="state"/> is what the preparing store needs to publish it.</summary>
    public PreparedPut(string key, ReadOnlyMemory<byte> content, object? state = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        Key = key;
        Content = content;
        State = state;
    }

    /// <summary>The key it will be published under.</summary>
    public string Key { get; }

    /// <summary>The content it will hold.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>
    /// What the store that prepared it needs to publish it, opaque to everyone else: the local store's temporary file, a
    /// decorator's inner prepared put; <c>null</c> when publishing is an ordinary put of <see cref="Content"/>.
    /// </summary>
    public object? State { get; }
}
