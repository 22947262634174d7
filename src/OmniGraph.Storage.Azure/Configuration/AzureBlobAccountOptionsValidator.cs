using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace OmniGraph.Storage.Azure;

/// <summary>
/// Checks <see cref="AzureBlobAccountOptions"/>: at most one account form, a well-formed connection string (its text is
/// never echoed: it holds a key), an absolute http(s) service URI, sane retry and timeout settings. The account itself
/// may be missing (the provider then reads <c>AZURE_STORAGE_CONNECTION_STRING</c> when it opens a store).
/// </summary>
public sealed class AzureBlobAccountOptionsValidator : IValidateOptions<AzureBlobAccountOptions>
{
    /// <summary>Most retries accepted; more only hides an outage behind minutes of back-off.</summary>
    public const int MaxRetriesLimit = 20;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AzureBlobAccountOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        AddAccountFailures(options, requireAccount: false, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Adds what is wrong with the account and pipeline settings to <paramref name="failures"/>.</summary>
    internal static void AddAccountFailures(AzureBlobAccountOptions options, bool requireAccount, List<string> failures)
    {
        // The plain ranges are data annotations, checked by the generated validator; the rules below need code.
        var ranges = new AzureBlobAccountOptionsRangeValidator().Validate(name: null, options);
        if (ranges.Failed)
        {
            failures.AddRange(ranges.Failures);
        }

        if (options.ConnectionString is not null && options.ServiceUri is not null)
        {
            failures.Add($"give either {nameof(AzureBlobAccountOptions.ConnectionString)} or {nameof(AzureBlobAccountOptions.ServiceUri)}, not both.");
        }
        else if (options.ConnectionString is { } connectionString)
        {
            if (FindConnectionStringProblem(connectionString) is { } problem)
            {
                failures.Add($"{nameof(AzureBlobAccountOptions.ConnectionString)} {problem}.");
            }
        }
        else if (options.ServiceUri is { } serviceUri)
        {
            if (!serviceUri.IsAbsoluteUri || (serviceUri.Scheme != Uri.UriSchemeHttps && serviceUri.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add($"{nameof(AzureBlobAccountOptions.ServiceUri)} must be an absolute http(s) URI (got '{serviceUri}').");
            }
        }
        else if (requireAccount && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(AzureBlobAccountOptions.ConnectionStringEnvironmentVariable)))
        {
            failures.Add($"no storage account: set {nameof(AzureBlobAccountOptions.ConnectionString)}, {nameof(AzureBlobAccountOptions.ServiceUri)} or the {AzureBlobAccountOptions.ConnectionStringEnvironmentVariable} environment variable.");
        }

        if (options.Credential is not null && options.ServiceUri is null)
        {
            failures.Add($"{nameof(AzureBlobAccountOptions.Credential)} is used only with {nameof(AzureBlobAccountOptions.ServiceUri)}.");
        }

        if (options.MaxRetryDelay < options.RetryDelay)
        {
            failures.Add($"{nameof(AzureBlobAccountOptions.MaxRetryDelay)} must be at least {nameof(AzureBlobAccountOptions.RetryDelay)} (got {options.MaxRetryDelay} < {options.RetryDelay}).");
        }
    }

    /// <summary>Why a connection string cannot be used, without repeating it; <c>null</c> when the SDK accepts it.</summary>
    internal static string? FindConnectionStringProblem(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "must not be empty";
        }

        try
        {
            // Parsing only: the client does no I/O until a request is made.
            _ = new BlobServiceClient(connectionString);
            return null;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
        {
            return "is not a valid storage connection string";
        }
    }
}
