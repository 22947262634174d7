using Microsoft.Extensions.Options;

namespace OmniGraph.Storage.Azure;

/// <summary>
/// The plain ranges of <see cref="AzureBlobAccountOptions"/> (its <c>[Range]</c> annotations), source-generated
/// ([OptionsValidator]); <see cref="AzureBlobAccountOptionsValidator"/> runs it first and adds the rules that need code.
/// </summary>
[OptionsValidator]
internal sealed partial class AzureBlobAccountOptionsRangeValidator : IValidateOptions<AzureBlobAccountOptions>
{
}
