using Orleans.InProcess.Invocation;
using Orleans.Runtime;

namespace Orleans.InProcess.Enumeration;

/// <summary>
/// What a proxy returns for a grain method returning <see cref="IAsyncEnumerable{T}"/>. Each enumeration calls the
/// grain method once on the grain's activation and then pulls elements in batches; every pull is a request admitted
/// like a call to that method, so a non-reentrant grain is busy only while a batch is being produced.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class GrainAsyncEnumerable<T> : IAsyncEnumerable<T>
{
    private readonly GrainReference _reference;
    private readonly AsyncEnumerableRequest<T> _request;
    private readonly GrainMethodDescriptor _method;

    internal GrainAsyncEnumerable(GrainReference reference, AsyncEnumerableRequest<T> request, GrainMethodDescriptor method)
    {
        _reference = reference;
        _request = request;
        _method = method;
    }

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        => new GrainAsyncEnumerator<T>(_reference, _request, _method, cancellationToken);
}
