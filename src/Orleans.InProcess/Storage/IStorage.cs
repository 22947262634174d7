namespace Orleans.Core;

/// <summary>Storage operations of a state facet.</summary>
public interface IStorage
{
    /// <summary>The entity tag of the state as last read or written; <c>null</c> when no record exists.</summary>
    string? Etag { get; }

    /// <summary>Whether a record exists in storage (as of the last read or write).</summary>
    /// <exception cref="InvalidOperationException">The state has not been read yet.</exception>
    bool RecordExists { get; }

    /// <summary>Deletes (or resets) the stored record and resets the in-memory state.</summary>
    Task ClearStateAsync();

    /// <summary>Writes the in-memory state under the current entity tag (optimistic concurrency).</summary>
    Task WriteStateAsync();

    /// <summary>Re-reads the state from storage.</summary>
    Task ReadStateAsync();

    /// <summary>Cancellable form of <see cref="ClearStateAsync()"/>.</summary>
    Task ClearStateAsync(CancellationToken cancellationToken) => ClearStateAsync();

    /// <summary>Cancellable form of <see cref="WriteStateAsync()"/>.</summary>
    Task WriteStateAsync(CancellationToken cancellationToken) => WriteStateAsync();

    /// <summary>Cancellable form of <see cref="ReadStateAsync()"/>.</summary>
    Task ReadStateAsync(CancellationToken cancellationToken) => ReadStateAsync();
}

/// <summary>Storage operations of a typed state facet.</summary>
/// <typeparam name="TState">The state type.</typeparam>
public interface IStorage<TState> : IStorage
{
    /// <summary>The in-memory state (never <c>null</c> after the first read).</summary>
    TState State { get; set; }
}
