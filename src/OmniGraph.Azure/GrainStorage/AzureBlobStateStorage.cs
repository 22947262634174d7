using System.Text.Json;
using OmniGraph.Persistence;
using OmniGraph.Storage;
using Orleans.Storage;

namespace OmniGraph.Azure;

/// <summary>
/// Grain state kept by Orleans' <see cref="AzureBlobGrainStorage"/> in a graph's container, under the graph's prefix:
/// the blob of state <c>head</c> of grain <c>tablebranch/node:Person@main</c> is
/// <c>{prefix}state/head-tablebranch/node:Person@main.json</c>, the very key <see cref="GrainStateKeys"/> gives the
/// local backend, so a graph reads the same on either backend. Orleans names a blob <c>{stateName}-{grainId}.json</c>;
/// the prefix travels in the state name it is handed.
/// </summary>
/// <remarks>
/// <para>What this adds to Orleans' provider, so the engine sees the contract of <see cref="ObjectStoreGrainStorage"/>
/// (the conformance runner holds both to it):</para>
/// <list type="bullet">
/// <item>ETags in the object store's form (unquoted), so a head's ETag compares equal whichever path read it;</item>
/// <item>a lost race reports the stored ETag (Orleans reports "Unknown"), read with one HEAD after the refusal;</item>
/// <item>clearing without an ETag a record that exists is refused (Orleans would delete it: a lost update);</item>
/// <item>a record that is not the state's JSON is a <see cref="GrainStateCorruptException"/>;</item>
/// <item>Orleans writes blob names raw, so a state whose key the local mapping would escape (a <c>%</c>, a control
/// character, a segment starting with <c>.</c>) is refused with <c>grain_state_key_unsupported</c> rather than stored
/// under a name the rest of the engine would not find.</item>
/// </list>
/// </remarks>
internal sealed class AzureBlobStateStorage : IGrainStorage
{
    private readonly AzureBlobGrainStorage _inner;
    private readonly IObjectStore _store;
    private readonly string _viewPrefix;
    private readonly string _keyPrefix;

    /// <param name="inner">Orleans' provider on the graph's container.</param>
    /// <param name="store">The graph's store (the container, or a prefixed view of it): for the HEAD after a refusal.</param>
    /// <param name="viewPrefix">The view's prefix in the container (empty for the whole container).</param>
    /// <param name="keyPrefix">The key prefix of every state in <paramref name="store"/>.</param>
    public AzureBlobStateStorage(AzureBlobGrainStorage inner, IObjectStore store, string viewPrefix, string keyPrefix)
    {
        _inner = inner;
        _store = store;
        _viewPrefix = viewPrefix;
        _keyPrefix = keyPrefix;
    }

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = KeyOf(stateName, grainId);
        try
        {
            await _inner.ReadStateAsync(OrleansStateName(stateName), grainId, grainState).ConfigureAwait(false);
        }
        catch (JsonException damaged)
        {
            throw new GrainStateCorruptException(key, typeof(T), damaged.Message, damaged);
        }

        grainState.ETag = Unquoted(grainState.ETag);
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = KeyOf(stateName, grainId);
        var held = grainState.ETag;
        grainState.ETag = Quoted(held);
        try
        {
            await _inner.WriteStateAsync(OrleansStateName(stateName), grainId, grainState).ConfigureAwait(false);
            grainState.ETag = Unquoted(grainState.ETag);
        }
        catch (InconsistentStateException refused)
        {
            grainState.ETag = held;
            throw await InconsistentAsync("write", key, held, refused).ConfigureAwait(false);
        }
        catch
        {
            grainState.ETag = held;
            throw;
        }
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = KeyOf(stateName, grainId);
        var held = grainState.ETag;
        if (string.IsNullOrEmpty(held) && await _store.GetPropertiesAsync(key).ConfigureAwait(false) is { } existing)
        {
            throw new InconsistentStateException(
                $"Cannot clear grain state blob '{_viewPrefix}{key}': it exists (ETag {existing.ETag}) but the grain holds no ETag.",
                existing.ETag,
                held);
        }

        grainState.ETag = Quoted(held);
        try
        {
            await _inner.ClearStateAsync(OrleansStateName(stateName), grainId, grainState).ConfigureAwait(false);
            grainState.ETag = Unquoted(grainState.ETag);
        }
        catch (InconsistentStateException refused)
        {
            grainState.ETag = held;
            throw await InconsistentAsync("clear", key, held, refused).ConfigureAwait(false);
        }
        catch
        {
            grainState.ETag = held;
            throw;
        }
    }

    private string OrleansStateName(string stateName) => _viewPrefix + _keyPrefix + stateName;

    /// <summary>The state's key in the store, checked to be the blob name Orleans will use (under the view's prefix).</summary>
    private string KeyOf(string stateName, GrainId grainId)
    {
        var key = GrainStateKeys.For(stateName, grainId, _keyPrefix);
        var orleans = $"{OrleansStateName(stateName)}-{grainId}.json";
        if (!string.Equals(_viewPrefix + key, orleans, StringComparison.Ordinal))
        {
            throw new OmniGraphException(
                ErrorCodes.GrainStateKeyUnsupported,
                $"the state '{ErrorText.Quote(stateName)}' of grain '{ErrorText.Quote(grainId.ToString())}' needs the escaped key '{ErrorText.Quote(key)}', which Orleans' Azure Blob grain storage cannot write (it names the blob '{ErrorText.Quote(orleans)}')",
                ErrorDetails.Of(ErrorDetail.StateName.With(stateName), ErrorDetail.GrainId.With(grainId.ToString()), ErrorDetail.Key.With(key)));
        }

        return key;
    }

    private async Task<InconsistentStateException> InconsistentAsync(string operation, string key, string? held, InconsistentStateException refused)
    {
        var stored = (await _store.GetPropertiesAsync(key).ConfigureAwait(false))?.ETag;
        return new InconsistentStateException(
            $"Cannot {operation} grain state blob '{_viewPrefix}{key}': the stored ETag is {stored ?? "none (no blob)"}, the grain holds {held ?? "none"}.",
            stored,
            held,
            refused);
    }

    private static string? Quoted(string? eTag) => string.IsNullOrEmpty(eTag) || eTag[0] == '"' ? eTag : '"' + eTag + '"';

    private static string? Unquoted(string? eTag) =>
        eTag is { Length: >= 2 } && eTag[0] == '"' && eTag[^1] == '"' ? eTag[1..^1] : eTag;
}
