using System.Diagnostics.CodeAnalysis;
using Orleans.Runtime;
using Orleans.Storage;

namespace Orleans.InProcess.Persistence;

/// <summary>
/// The <see cref="IPersistentState{TState}"/> handed to grain code (Orleans' <c>StateStorageBridge</c>): keeps the
/// state record, calls the storage provider, and enforces the rules grain code relies on: the state is never
/// <c>null</c>; it may only be used on its activation's turns; provider failures other than
/// <see cref="OrleansException"/>s (which include <see cref="InconsistentStateException"/>) are wrapped in an
/// <see cref="OrleansException"/> naming the provider, operation and grain.
/// </summary>
/// <typeparam name="TState">The state type.</typeparam>
internal sealed class PersistentStateBridge<TState> : IPersistentState<TState>, IActivationStateReader
{
    private readonly IGrainContext _context;
    private readonly IGrainStorage _storage;
    private readonly string _stateName;
    private readonly string _storageName;
    private readonly GrainState<TState> _record;
    private readonly InProcessRuntime _runtime;
    private bool _hasBeenRead;

    internal PersistentStateBridge(InProcessRuntime runtime, IGrainContext context, IGrainStorage storage, string stateName, string storageName)
    {
        _runtime = runtime;
        _context = context;
        _storage = storage;
        _stateName = stateName;
        _storageName = storageName;
        _record = new GrainState<TState>(StateActivator<TState>.Create());
    }

    /// <inheritdoc />
    public TState State
    {
        get
        {
            CheckAccess();
            return _record.State;
        }

        set
        {
            CheckAccess();
            _record.State = value;
        }
    }

    /// <inheritdoc />
    public string? Etag => _record.ETag;

    /// <inheritdoc />
    public bool RecordExists => _hasBeenRead
        ? _record.RecordExists
        : ThrowHelper.ThrowInvalidOperation<bool>($"State '{_stateName}' of grain {_context.GrainId} has not been read yet.");

    /// <inheritdoc />
    public Task ReadStateAsync() => ReadStateAsync(CancellationToken.None);

    /// <inheritdoc />
    public Task WriteStateAsync() => WriteStateAsync(CancellationToken.None);

    /// <inheritdoc />
    public Task ClearStateAsync() => ClearStateAsync(CancellationToken.None);

    /// <inheritdoc />
    public async Task ReadStateAsync(CancellationToken cancellationToken)
    {
        CheckAccess();
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await _storage.ReadStateAsync(_stateName, _context.GrainId, _record);
            EnsureState();
            _hasBeenRead = true;
        }
        catch (Exception exception) when (exception is OrleansException or OperationCanceledException)
        {
            // InconsistentStateException is an OrleansException: it reaches grain code unchanged.
            LogFailure(exception, "ReadState");
            throw;
        }
        catch (Exception exception)
        {
            LogFailure(exception, "ReadState");
            throw Wrap(exception, "ReadState");
        }
    }

    /// <inheritdoc />
    public async Task WriteStateAsync(CancellationToken cancellationToken)
    {
        CheckAccess();
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await _storage.WriteStateAsync(_stateName, _context.GrainId, _record);
            _hasBeenRead = true;
        }
        catch (Exception exception) when (exception is OrleansException or OperationCanceledException)
        {
            // InconsistentStateException is an OrleansException: it reaches grain code unchanged.
            LogFailure(exception, "WriteState");
            throw;
        }
        catch (Exception exception)
        {
            LogFailure(exception, "WriteState");
            throw Wrap(exception, "WriteState");
        }
    }

    /// <inheritdoc />
    public async Task ClearStateAsync(CancellationToken cancellationToken)
    {
        CheckAccess();
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await _storage.ClearStateAsync(_stateName, _context.GrainId, _record);
            EnsureState();
            _hasBeenRead = true;
        }
        catch (Exception exception) when (exception is OrleansException or OperationCanceledException)
        {
            // InconsistentStateException is an OrleansException: it reaches grain code unchanged.
            LogFailure(exception, "ClearState");
            throw;
        }
        catch (Exception exception)
        {
            LogFailure(exception, "ClearState");
            throw Wrap(exception, "ClearState");
        }
    }

    Task IActivationStateReader.ReadOnActivationAsync(CancellationToken cancellationToken) => ReadStateAsync(cancellationToken);

    private void EnsureState()
    {
        // Providers must leave a non-null state after a read or clear; keep the guarantee even if one does not.
        if (_record.State is null)
        {
            _record.State = StateActivator<TState>.Create();
        }
    }

    private void LogFailure(Exception exception, string operation)
        => _runtime.Log.StorageOperationFailed(exception, operation, _storage.GetType().Name, _storageName, _context.GrainId, _stateName);

    private OrleansException Wrap(Exception exception, string operation)
    {
        return new OrleansException(
            $"Error from storage provider {_storage.GetType().Name}.{_storageName} during {operation} for grain {_context.GrainId} (state '{_stateName}'): {exception.Message}",
            exception);
    }

    private void CheckAccess()
    {
        if (!ReferenceEquals(RuntimeContext.Current, _context))
        {
            ThrowAccessViolation();
        }
    }

    [DoesNotReturn]
    private void ThrowAccessViolation()
        => throw new InvalidOperationException(
            $"Activation access violation: state '{_stateName}' of grain {_context.GrainId} was used outside its activation's turns "
            + $"(current context: {RuntimeContext.Current?.GrainId.ToString() ?? "none"}). Do not use grain state from Task.Run or after ConfigureAwait(false).");
}
