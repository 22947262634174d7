using Microsoft.Extensions.Options;

namespace OmniGraph.Ingest;

/// <summary>Checks <see cref="JsonlIntakeOptions"/> before an intake is built from them.</summary>
public sealed class JsonlIntakeOptionsValidator : IValidateOptions<JsonlIntakeOptions>
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

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, JsonlIntakeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.FragmentMaxRows < 1)
        {
            failures.Add($"{nameof(JsonlIntakeOptions.FragmentMaxRows)} must be at least 1 (got {options.FragmentMaxRows}).");
        }

        if (options.FragmentMaxBytes < 1)
        {
            failures.Add($"{nameof(JsonlIntakeOptions.FragmentMaxBytes)} must be at least 1 (got {options.FragmentMaxBytes}).");
        }

        if (options.MaxLineBytes < 1 || options.MaxLineBytes > MaxLineBytesCeiling)
        {
            failures.Add($"{nameof(JsonlIntakeOptions.MaxLineBytes)} must be between 1 and {MaxLineBytesCeiling} (got {options.MaxLineBytes}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
