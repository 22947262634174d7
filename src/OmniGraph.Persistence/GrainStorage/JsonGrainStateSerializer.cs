using System.Text.Json;
using Orleans.Storage;

namespace OmniGraph.Persistence;

/// <summary>
/// Grain state as System.Text.Json with the caller's options: the same bytes <see cref="ObjectStoreGrainStorage"/>
/// writes, so a state record reads the same whichever provider wrote it. The options name every member explicitly
/// (no .NET type names in the record), so renaming a class never orphans stored state.
/// </summary>
public sealed class JsonGrainStateSerializer : IGrainStorageSerializer
{
    private readonly JsonSerializerOptions _options;

    /// <summary>A serializer with <paramref name="options"/> (<see cref="JsonSerializerDefaults.Web"/> when <c>null</c>).</summary>
    public JsonGrainStateSerializer(JsonSerializerOptions? options = null)
    {
        _options = options ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);
    }

    /// <inheritdoc />
    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, _options));

    /// <inheritdoc />
    public T? Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return JsonSerializer.Deserialize<T>(input.ToMemory().Span, _options);
    }
}
