namespace Orleans.Concurrency;

/// <summary>Helpers for <see cref="Immutable{T}"/>.</summary>
public static class ImmutableExtensions
{
    /// <summary>Wraps <paramref name="value"/> as an <see cref="Immutable{T}"/>.</summary>
    public static Immutable<T> AsImmutable<T>(this T value) => new(value);
}
