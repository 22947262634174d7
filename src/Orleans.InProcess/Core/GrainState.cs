namespace Orleans;

/// <summary>The default <see cref="IGrainState{T}"/>.</summary>
/// <typeparam name="T">The state type.</typeparam>
[GenerateSerializer]
public sealed class GrainState<T> : IGrainState<T>
{
    /// <summary>An empty record.</summary>
    public GrainState()
    {
        State = default!;
    }

    /// <summary>A record holding <paramref name="state"/>.</summary>
    public GrainState(T state)
        : this(state, null)
    {
    }

    /// <summary>A record holding <paramref name="state"/> at <paramref name="eTag"/>.</summary>
    public GrainState(T state, string? eTag)
    {
        State = state;
        ETag = eTag;
    }

    /// <inheritdoc />
    [Id(0)]
    public T State { get; set; }

    /// <inheritdoc />
    [Id(1)]
    public string? ETag { get; set; }

    /// <inheritdoc />
    [Id(2)]
    public bool RecordExists { get; set; }
}
