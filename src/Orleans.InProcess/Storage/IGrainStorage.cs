using Orleans.Runtime;

namespace Orleans.Storage;

/// <summary>
/// A grain storage provider. Contract (shared with Orleans): a read fills <see cref="IGrainState{T}.State"/>,
/// <see cref="IGrainState{T}.ETag"/> and <see cref="IGrainState{T}.RecordExists"/> (a missing record gives a new
/// non-null state, a <c>null</c> ETag and <c>RecordExists == false</c>); a write with a <c>null</c> ETag only creates,
/// otherwise only replaces the record with that ETag; a conflict throws <see cref="InconsistentStateException"/>;
/// tasks complete only once the change is durable; the runtime never retries.
/// </summary>
public interface IGrainStorage
{
    /// <summary>Reads the state of one grain.</summary>
    Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    /// <summary>Writes the state of one grain under its current ETag.</summary>
    /// <exception cref="InconsistentStateException">The stored ETag differs from <see cref="IGrainState{T}.ETag"/>.</exception>
    Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    /// <summary>Deletes (or resets) the state of one grain under its current ETag.</summary>
    /// <exception cref="InconsistentStateException">The stored ETag differs from <see cref="IGrainState{T}.ETag"/>.</exception>
    Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);
}
