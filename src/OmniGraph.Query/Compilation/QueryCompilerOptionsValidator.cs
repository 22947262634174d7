using Microsoft.Extensions.Options;

namespace OmniGraph.Query;

/// <summary>Checks <see cref="QueryCompilerOptions"/>.</summary>
public sealed class QueryCompilerOptionsValidator : IValidateOptions<QueryCompilerOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, QueryCompilerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.CacheCapacity < 0)
        {
            failures.Add($"{nameof(QueryCompilerOptions.CacheCapacity)} must be 0 (no cache) or positive, got {options.CacheCapacity}.");
        }

        if (options.MaxNestingDepth is < 1 or > QueryCompilerOptions.MaxAllowedNestingDepth)
        {
            failures.Add($"{nameof(QueryCompilerOptions.MaxNestingDepth)} must be between 1 and {QueryCompilerOptions.MaxAllowedNestingDepth}, got {options.MaxNestingDepth}.");
        }

        if (options.MaxSourceLength < 1)
        {
            failures.Add($"{nameof(QueryCompilerOptions.MaxSourceLength)} must be positive, got {options.MaxSourceLength}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
