using Microsoft.Extensions.Options;

namespace OmniGraph.Grains.Hosting;

/// <summary>
/// The plain ranges of <see cref="OmniGraphOptions"/> (its <c>[Range]</c> annotations), source-generated
/// ([OptionsValidator]); <see cref="OmniGraphOptionsValidator"/> runs it first and adds the rules that need code.
/// </summary>
[OptionsValidator]
internal sealed partial class OmniGraphOptionsRangeValidator : IValidateOptions<OmniGraphOptions>
{
}
