using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace OmniGraph.Storage.Azure;

/// <summary>Builds the SDK's blob service client from <see cref="AzureBlobAccountOptions"/>: the account, and the pipeline's retries and timeouts.</summary>
internal static class AzureBlobClientFactory
{
    /// <summary>Creates the client (no I/O), or throws when no account is configured anywhere.</summary>
    /// <exception cref="OmniGraphException">Code <c>store_unavailable</c>: No connection string, service URI or <c>AZURE_STORAGE_CONNECTION_STRING</c>.</exception>
    public static BlobServiceClient Create(AzureBlobAccountOptions options, string location)
    {
        var clientOptions = CreateClientOptions(options);
        if (options.ConnectionString is { } connectionString)
        {
            return new BlobServiceClient(connectionString, clientOptions);
        }

        if (options.ServiceUri is { } serviceUri)
        {
            return new BlobServiceClient(serviceUri, options.Credential ?? new DefaultAzureCredential(), clientOptions);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(AzureBlobAccountOptions.ConnectionStringEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(fromEnvironment))
        {
            throw StoreErrors.Unavailable(
                string.Empty,
                $"cannot open {location}: no Azure Storage account is configured (set the {AzureBlobAccountOptions.ConnectionStringEnvironmentVariable} environment variable, or a connection string or service URI in the Azure Blob options)");
        }

        if (AzureBlobAccountOptionsValidator.FindConnectionStringProblem(fromEnvironment) is { } problem)
        {
            throw StoreErrors.Unavailable(string.Empty, $"cannot open {location}: {AzureBlobAccountOptions.ConnectionStringEnvironmentVariable} {problem}");
        }

        return new BlobServiceClient(fromEnvironment, clientOptions);
    }

    private static BlobClientOptions CreateClientOptions(AzureBlobAccountOptions options)
    {
        var clientOptions = new BlobClientOptions();
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = options.RetryDelay;
        clientOptions.Retry.MaxDelay = options.MaxRetryDelay;
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        clientOptions.AddPolicy(AttemptCountingPolicy.Shared, HttpPipelinePosition.PerRetry);
        options.ConfigureClientOptions?.Invoke(clientOptions);
        return clientOptions;
    }
}
