using Microsoft.Extensions.Options;

namespace OmniGraph.Storage;

/// <summary>Checks <see cref="LocalObjectStoreOptions"/> before a store is built from them.</summary>
public sealed class LocalObjectStoreOptionsValidator : IValidateOptions<LocalObjectStoreOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, LocalObjectStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The plain ranges are data annotations, checked by the generated validator; the rules below need code.
        var ranges = new LocalObjectStoreOptionsRangeValidator().Validate(name, options);
        var failures = new List<string>(ranges.Failed ? ranges.Failures : []);
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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
