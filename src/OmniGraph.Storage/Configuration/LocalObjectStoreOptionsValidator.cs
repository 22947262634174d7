using Microsoft.Extensions.Options;

namespace OmniGraph.Storage;

/// <summary>Checks <see cref="LocalObjectStoreOptions"/> before a store is built from them.</summary>
public sealed class LocalObjectStoreOptionsValidator : IValidateOptions<LocalObjectStoreOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, LocalObjectStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.RootPath))
        {
            failures.Add($"{nameof(LocalObjectStoreOptions.RootPath)} is required.");
        }
        else if (options.RootPath.Contains('\0', StringComparison.Ordinal))
        {
            failures.Add($"{nameof(LocalObjectStoreOptions.RootPath)} must not contain NUL.");
        }
        else if (Path.GetFullPath(options.RootPath) == Path.GetPathRoot(Path.GetFullPath(options.RootPath)))
        {
            failures.Add($"{nameof(LocalObjectStoreOptions.RootPath)} must not be the file-system root.");
        }

        if (options.TemporaryFileMaxAge < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{nameof(LocalObjectStoreOptions.TemporaryFileMaxAge)} must be at least one second (got {options.TemporaryFileMaxAge}).");
        }

        if (options.LockTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(LocalObjectStoreOptions.LockTimeout)} must be positive (got {options.LockTimeout}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
