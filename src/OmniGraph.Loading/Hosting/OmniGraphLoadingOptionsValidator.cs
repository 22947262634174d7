using Microsoft.Extensions.Options;

namespace OmniGraph.Loading.Hosting;

/// <summary>
/// Validates <see cref="OmniGraphLoadingOptions"/> when the silo starts. Source-generated from the data annotations on <see cref="OmniGraphLoadingOptions"/> ([OptionsValidator]): every
/// failing rule is listed, by member name.
/// </summary>
[OptionsValidator]
public sealed partial class OmniGraphLoadingOptionsValidator : IValidateOptions<OmniGraphLoadingOptions>
{
}
