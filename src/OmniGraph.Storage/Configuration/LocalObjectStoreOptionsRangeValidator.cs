using Microsoft.Extensions.Options;

namespace OmniGraph.Storage;

/// <summary>
/// The plain ranges of <see cref="LocalObjectStoreOptions"/> (its <c>[Range]</c> annotations), source-generated
/// ([OptionsValidator]); <see cref="LocalObjectStoreOptionsValidator"/> runs it first and adds the rules that need code.
/// </summary>
[OptionsValidator]
internal sealed partial class LocalObjectStoreOptionsRangeValidator : IValidateOptions<LocalObjectStoreOptions>
{
}
