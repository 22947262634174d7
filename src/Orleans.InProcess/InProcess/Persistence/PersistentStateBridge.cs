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
        await RunStorageOperationAsync("ReadState", static (storage, name, id, record) => storage.ReadStateAsync(name, id, record), cancellationToken);
        EnsureState();
        _hasBeenRead = true;
    }

    /// <inheritdoc />
    public async Task WriteStateAsync(CancellationToken cancellationToken)
    {
        await RunStorageOperationAsync("WriteState", static (storage, name, id, record) => storage.WriteStateAsync(name, id, record), cancellationToken);
        _hasBeenRead = true;
    }

    /// <inheritdoc />
    public async Task ClearStateAsync(CancellationToken cancellationToken)
    {
        await RunStorageOperationAsync("ClearState", static (storage, name, id, record) => storage.ClearStateAsync(name, id, record), cancellationToken);
        EnsureState();
        _hasBeenRead = true;
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

    /// <summary>
    /// Runs one provider call from this activation's turn. Orleans errors (<see cref="InconsistentStateException"/> among
    /// them) and cancellation reach grain code unchanged; anything else is wrapped the way Orleans wraps provider errors.
    /// Every failure is logged.
    /// </summary>
    private async Task RunStorageOperationAsync(
        string operation,
        Func<IGrainStorage, string, GrainId, IGrainState<TState>, Task> call,
        CancellationToken cancellationToken)
    {
        CheckAccess();
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await call(_storage, _stateName, _context.GrainId, _record);
        }
        catch (Exception exception) when (exception is OrleansException or OperationCanceledException)
        {
            LogFailure(exception, operation);
            throw;
        }
        catch (Exception exception)
        {
            LogFailure(exception, operation);
            throw Wrap(exception, operation);
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
