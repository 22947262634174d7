using System.Text.Json.Serialization;
using OmniGraph.Grains.Manifest;
using OmniGraph.Grains.Tables;

namespace OmniGraph.Grains.Hosting;

/// <summary>
/// Source-generated JSON for the engine grains' persistent state (<see cref="GraphGrainStorage"/>), as strict as the
/// stored documents of OmniGraph.Tables (<c>StorageJsonContext</c>, same options): a damaged state record is reported,
/// never half-read. The grain states live with their grains; the documents they embed (a head's
/// <c>TableVersionRefDocument</c>) come from the engine.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ManifestGrainState))]
[JsonSerializable(typeof(TableHeadState))]
internal sealed partial class GrainStateJsonContext : JsonSerializerContext
{
}
