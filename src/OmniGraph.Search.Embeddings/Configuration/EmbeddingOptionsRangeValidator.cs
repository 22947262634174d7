using Microsoft.Extensions.Options;

namespace OmniGraph.Search.Embeddings;

/// <summary>
/// The plain ranges of <see cref="EmbeddingOptions"/> (its <c>[Range]</c> annotations), source-generated
/// ([OptionsValidator]); <see cref="EmbeddingOptionsValidator"/> runs it first and adds the rules that need code.
/// </summary>
[OptionsValidator]
internal sealed partial class EmbeddingOptionsRangeValidator : IValidateOptions<EmbeddingOptions>
{
}
