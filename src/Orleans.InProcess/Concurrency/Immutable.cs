namespace Orleans.Concurrency;

/// <summary>Wraps a value the sender promises never to mutate, so Orleans passes it without copying.</summary>
/// <typeparam name="T">The wrapped type.</typeparam>
[GenerateSerializer]
[Immutable]
public readonly struct Immutable<T>
{
    /// <summary>Wraps <paramref name="value"/>.</summary>
    public Immutable(T value)
    {
        Value = value;
    }

    /// <summary>The wrapped value.</summary>
    [Id(0)]
    public T Value { get; }
}
