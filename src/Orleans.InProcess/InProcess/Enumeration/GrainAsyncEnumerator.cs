using Orleans.InProcess.Activation;
using Orleans.InProcess.Invocation;
using Orleans.Runtime;

namespace Orleans.InProcess.Enumeration;

/// <summary>
/// The caller's side and the grain's side of one enumeration. Grain-side members are touched only on the turns of
/// the activation that started the enumeration; if that activation is gone when the next batch is requested, the
/// enumeration fails with <see cref="EnumerationAbortedException"/> (the grain's enumerator died with it).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class GrainAsyncEnumerator<T> : IAsyncEnumerator<T>
{
    /// <summary>Most elements moved per request.</summary>
    internal const int MaxBatchSize = 100;

    private readonly GrainReference _reference;
    private readonly AsyncEnumerableRequest<T> _request;
    private readonly GrainMethodDescriptor _method;
    private readonly CancellationToken _cancellationToken;

    // Caller side.
    private List<T>? _batch;
    private int _nextIndex;
    private bool _hasMore = true;
    private bool _started;
    private bool _disposed;
    private T _current = default!;

    // Grain side.
    private IAsyncEnumerator<T>? _source;
    private GrainActivation? _owner;
    private Task<bool>? _pendingMoveNext;

    internal GrainAsyncEnumerator(GrainReference reference, AsyncEnumerableRequest<T> request, GrainMethodDescriptor method, CancellationToken cancellationToken)
    {
        _reference = reference;
        _request = request;
        _method = method;
        _cancellationToken = cancellationToken;
    }

    public T Current => _current;

    public async ValueTask<bool> MoveNextAsync()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (true)
        {
            if (_batch is not null && _nextIndex < _batch.Count)
            {
                _current = _batch[_nextIndex++];
                return true;
            }

            if (!_hasMore)
            {
                return false;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            _started = true;
            var batch = await _reference.InvokeTaskOfTMethod(new PullRequest(this), _method);
            _batch = batch.Items;
            _nextIndex = 0;
            _hasMore = batch.HasMore;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_started)
        {
            await _reference.InvokeTaskMethod(new DisposeRequest(this), _method);
        }
    }

    /// <summary>Runs on the activation: starts the enumeration on first use, then moves up to a batch of elements.</summary>
    private async Task<EnumerationBatch<T>> PullAsync(object grain)
    {
        var activation = RuntimeContext.Current as GrainActivation;
        if (_source is null)
        {
            _owner = activation;
            _source = _request.Invoke(grain).GetAsyncEnumerator(_cancellationToken);
        }
        else if (!ReferenceEquals(_owner, activation))
        {
            throw new EnumerationAbortedException(
                $"Enumeration of {_method.DisplayName} on grain {_reference.GrainId} was aborted: the activation that produced it has been deactivated.");
        }

        var items = new List<T>();
        var pending = _pendingMoveNext;
        _pendingMoveNext = null;
        while (items.Count < MaxBatchSize)
        {
            bool hasItem;
            if (pending is not null)
            {
                hasItem = await pending;
                pending = null;
            }
            else
            {
                var moveNext = _source.MoveNextAsync();
                if (!moveNext.IsCompleted && items.Count > 0)
                {
                    // Hand over what is ready instead of waiting for a slow producer; resume from here next time.
                    _pendingMoveNext = moveNext.AsTask();
                    break;
                }

                hasItem = await moveNext;
            }

            if (!hasItem)
            {
                return new EnumerationBatch<T>(items, hasMore: false);
            }

            items.Add(_source.Current);
        }

        return new EnumerationBatch<T>(items, hasMore: true);
    }

    /// <summary>Runs on the activation: disposes the grain's enumerator if its activation is still this one.</summary>
    private async Task DisposeSourceAsync()
    {
        if (_source is null || !ReferenceEquals(_owner, RuntimeContext.Current))
        {
            return;
        }

        if (_pendingMoveNext is { } pending)
        {
            _pendingMoveNext = null;
            await pending;
        }

        await _source.DisposeAsync();
    }

    private sealed class PullRequest(GrainAsyncEnumerator<T> enumerator) : TaskRequest<EnumerationBatch<T>>
    {
        public override Task<EnumerationBatch<T>> Invoke(object grain) => enumerator.PullAsync(grain);
    }

    private sealed class DisposeRequest(GrainAsyncEnumerator<T> enumerator) : TaskRequest
    {
        public override Task Invoke(object grain) => enumerator.DisposeSourceAsync();
    }
}
