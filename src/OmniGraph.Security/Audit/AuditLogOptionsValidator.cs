using Microsoft.Extensions.Options;

namespace OmniGraph.Security;

/// <summary>Checks <see cref="AuditLogOptions"/>.</summary>
public sealed class AuditLogOptionsValidator : IValidateOptions<AuditLogOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AuditLogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxAppendAttempts is < 1 or > 1_000_000)
        {
            failures.Add($"{nameof(AuditLogOptions.MaxAppendAttempts)} must be between 1 and 1000000 (is {options.MaxAppendAttempts})");
        }

        if (options.MaxTailUpdateAttempts is < 1 or > 1000)
        {
            failures.Add($"{nameof(AuditLogOptions.MaxTailUpdateAttempts)} must be between 1 and 1000 (is {options.MaxTailUpdateAttempts})");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
