using System.Collections.Concurrent;
using System.Text.Json;
using Orleans.Runtime;
using Orleans.Storage;

namespace Orleans.InProcess.Tests.Infrastructure;

/// <summary>
/// An in-memory <see cref="IGrainStorage"/> with the Orleans ETag contract, for runtime tests: records are kept as JSON
/// (so in-memory mutations never leak into "storage"), failures can be injected, and external writers can be simulated.
/// </summary>
public sealed class TestGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<string, (string Json, string ETag)> _records = new(StringComparer.Ordinal);
    private int _reads;
    private int _writes;

    /// <summary>When set, reads of these state keys (<c>stateName/grainId</c>) throw the exception the function returns.</summary>
    public Func<string, Exception?>? ReadFailure { get; set; }

    /// <summary>When set, writes of these state keys throw the exception the function returns.</summary>
    public Func<string, Exception?>? WriteFailure { get; set; }

    /// <summary>Number of reads so far.</summary>
    public int Reads => Volatile.Read(ref _reads);

    /// <summary>Number of successful writes so far.</summary>
    public int Writes => Volatile.Read(ref _writes);

    public static string KeyOf(string stateName, GrainId grainId) => $"{stateName}/{grainId}";

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Interlocked.Increment(ref _reads);
        var key = KeyOf(stateName, grainId);
        if (ReadFailure?.Invoke(key) is { } failure)
        {
            throw failure;
        }

        if (_records.TryGetValue(key, out var record))
        {
            grainState.State = JsonSerializer.Deserialize<T>(record.Json)!;
            grainState.ETag = record.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // A real provider completes asynchronously; so does this one, to exercise continuations on the activation.
        await Task.Yield();
        var key = KeyOf(stateName, grainId);
        if (WriteFailure?.Invoke(key) is { } failure)
        {
            throw failure;
        }

        var eTag = Guid.NewGuid().ToString("N");
        var json = JsonSerializer.Serialize(grainState.State);
        lock (_records)
        {
            var exists = _records.TryGetValue(key, out var current);
            if ((exists ? current.ETag : null) != grainState.ETag)
            {
                throw new InconsistentStateException($"ETag mismatch writing {key}", exists ? current.ETag : null, grainState.ETag);
            }

            _records[key] = (json, eTag);
        }

        Interlocked.Increment(ref _writes);
        grainState.ETag = eTag;
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = KeyOf(stateName, grainId);
        lock (_records)
        {
            var exists = _records.TryGetValue(key, out var current);
            if ((exists ? current.ETag : null) != grainState.ETag)
            {
                throw new InconsistentStateException($"ETag mismatch clearing {key}", exists ? current.ETag : null, grainState.ETag);
            }

            _records.TryRemove(key, out _);
        }

        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>Another writer replaces the record (its ETag changes), making any activation holding it stale.</summary>
    public void WriteExternally<T>(string stateName, GrainId grainId, T state)
        => _records[KeyOf(stateName, grainId)] = (JsonSerializer.Serialize(state), Guid.NewGuid().ToString("N"));

    /// <summary>The stored record's ETag, or <c>null</c> when there is no record.</summary>
    public string? PeekETag(string stateName, GrainId grainId)
        => _records.TryGetValue(KeyOf(stateName, grainId), out var record) ? record.ETag : null;

    /// <summary>The stored state, or default when there is no record.</summary>
    public T? Peek<T>(string stateName, GrainId grainId)
        => _records.TryGetValue(KeyOf(stateName, grainId), out var record) ? JsonSerializer.Deserialize<T>(record.Json) : default;
}
