using Microsoft.Extensions.Options;

namespace OmniGraph.Loading.Hosting;

/// <summary>Validates <see cref="OmniGraphLoadingOptions"/> when the silo starts.</summary>
public sealed class OmniGraphLoadingOptionsValidator : IValidateOptions<OmniGraphLoadingOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, OmniGraphLoadingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxFragmentWritesInFlight < 1)
        {
            failures.Add($"{nameof(OmniGraphLoadingOptions.MaxFragmentWritesInFlight)} must be at least 1 (got {options.MaxFragmentWritesInFlight})");
        }

        if (options.ExportPageRows < 1)
        {
            failures.Add($"{nameof(OmniGraphLoadingOptions.ExportPageRows)} must be at least 1 (got {options.ExportPageRows})");
        }

        if (options.ExportChunkBytes < 1024)
        {
            failures.Add($"{nameof(OmniGraphLoadingOptions.ExportChunkBytes)} must be at least 1024 (got {options.ExportChunkBytes})");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
