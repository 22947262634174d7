using Microsoft.Extensions.Options;

namespace OmniGraph.Execution.Hosting;

/// <summary>Checks <see cref="QueryExecutionOptions"/>.</summary>
public sealed class QueryExecutionOptionsValidator : IValidateOptions<QueryExecutionOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, QueryExecutionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.PlanCacheCapacity < 0)
        {
            failures.Add($"{nameof(QueryExecutionOptions.PlanCacheCapacity)} must be 0 (no cache) or positive, got {options.PlanCacheCapacity}.");
        }

        if (options.MaxIntermediateRows < 1)
        {
            failures.Add($"{nameof(QueryExecutionOptions.MaxIntermediateRows)} must be positive, got {options.MaxIntermediateRows}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
