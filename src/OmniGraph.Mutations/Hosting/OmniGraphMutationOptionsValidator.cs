using Microsoft.Extensions.Options;

namespace OmniGraph.Mutations.Hosting;

/// <summary>Validates <see cref="OmniGraphMutationOptions"/> (at silo start).</summary>
public sealed class OmniGraphMutationOptionsValidator : IValidateOptions<OmniGraphMutationOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, OmniGraphMutationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxRowsPerTable < 0)
        {
            failures.Add($"{nameof(OmniGraphMutationOptions.MaxRowsPerTable)} must be 0 (no limit) or positive, got {options.MaxRowsPerTable}");
        }

        if (options.LookupBatchSize is < 1 or > OmniGraphMutationOptions.MaxLookupBatchSize)
        {
            failures.Add($"{nameof(OmniGraphMutationOptions.LookupBatchSize)} must be between 1 and {OmniGraphMutationOptions.MaxLookupBatchSize}, got {options.LookupBatchSize}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
