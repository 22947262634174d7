using Microsoft.Extensions.Options;

namespace OmniGraph.Ingest;

/// <summary>
/// Checks <see cref="JsonlIntakeOptions"/> before an intake is built from them. Source-generated from the data annotations on <see cref="JsonlIntakeOptions"/> ([OptionsValidator]): every
/// failing rule is listed, by member name.
/// </summary>
[OptionsValidator]
public sealed partial class JsonlIntakeOptionsValidator : IValidateOptions<JsonlIntakeOptions>
{
    /// <summary>The largest accepted <see cref="JsonlIntakeOptions.MaxLineBytes"/> (1 GiB): a line is held in memory whole.</summary>
    public const int MaxLineBytesCeiling = 1024 * 1024 * 1024;

    /// <summary>Validates <paramref name="options"/> and throws <see cref="OptionsValidationException"/> when it is not usable.</summary>
    public static void ThrowIfInvalid(JsonlIntakeOptions options)
    {
        var result = new JsonlIntakeOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(JsonlIntakeOptions), result.Failures);
        }
    }
}
