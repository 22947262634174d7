using Microsoft.Extensions.Options;

namespace OmniGraph.Mutations.Hosting;

/// <summary>
/// Validates <see cref="OmniGraphMutationOptions"/> (at silo start). Source-generated from the data annotations on <see cref="OmniGraphMutationOptions"/> ([OptionsValidator]): every
/// failing rule is listed, by member name.
/// </summary>
[OptionsValidator]
public sealed partial class OmniGraphMutationOptionsValidator : IValidateOptions<OmniGraphMutationOptions>
{
}
