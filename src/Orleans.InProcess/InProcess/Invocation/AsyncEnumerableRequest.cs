using System.ComponentModel;

namespace Orleans.InProcess.Invocation;

/// <summary>
/// A call to a grain method returning <see cref="IAsyncEnumerable{T}"/>: holds the arguments until the caller
/// starts enumerating. Infrastructure for generated proxies.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class AsyncEnumerableRequest<T>
{
    /// <summary>Creates the request (generated subclasses hold the arguments as fields).</summary>
    protected AsyncEnumerableRequest()
    {
    }

    /// <summary>Calls the grain method on <paramref name="grain"/> with the stored arguments.</summary>
    public abstract IAsyncEnumerable<T> Invoke(object grain);
}
