using Microsoft.Extensions.Options;

namespace OmniGraph.Storage.Azure;

/// <summary>
/// Checks <see cref="AzureBlobObjectStoreOptions"/>: the account checks of <see cref="AzureBlobAccountOptionsValidator"/>
/// (here an account is required: from the options or <c>AZURE_STORAGE_CONNECTION_STRING</c>), a valid container name and
/// a prefix that is a valid key.
/// </summary>
public sealed class AzureBlobObjectStoreOptionsValidator : IValidateOptions<AzureBlobObjectStoreOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AzureBlobObjectStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        AzureBlobAccountOptionsValidator.AddAccountFailures(options, requireAccount: true, failures);
        if (AzureBlobLocation.FindContainerNameViolation(options.ContainerName) is { } containerProblem)
        {
            failures.Add($"{nameof(AzureBlobObjectStoreOptions.ContainerName)}: {containerProblem}.");
        }

        var prefix = options.Prefix.TrimEnd('/');
        if (prefix.Length > 0 && ObjectKey.FindKeyViolation(prefix) is { } prefixProblem)
        {
            failures.Add($"{nameof(AzureBlobObjectStoreOptions.Prefix)}: {prefixProblem}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
