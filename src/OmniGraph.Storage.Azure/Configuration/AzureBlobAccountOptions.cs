using System.ComponentModel.DataAnnotations;
using Azure.Core;
using Azure.Storage.Blobs;

namespace OmniGraph.Storage.Azure;

/// <summary>
/// How to reach a storage account's blob service, and how hard to try: the account (a connection string, or a service
/// URI with a token credential) and the Azure.Core pipeline's retry and timeout settings. Used by the
/// <c>az://</c> provider (<see cref="AzureBlobObjectStoreProvider"/>) and, with a container, by
/// <see cref="AzureBlobObjectStoreOptions"/>.
/// </summary>
/// <remarks>
/// The account is, in order: <see cref="ConnectionString"/>; <see cref="ServiceUri"/> with <see cref="Credential"/>
/// (<c>DefaultAzureCredential</c> when none is given: managed identity, workload identity, the Azure CLI login...);
/// the <c>AZURE_STORAGE_CONNECTION_STRING</c> environment variable, read when the first store is opened.
/// </remarks>
public class AzureBlobAccountOptions
{
    /// <summary>The environment variable that holds a connection string when the options name no account.</summary>
    public const string ConnectionStringEnvironmentVariable = "AZURE_STORAGE_CONNECTION_STRING";

    /// <summary>A storage connection string (account key, SAS, or <c>UseDevelopmentStorage=true</c> for Azurite).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The blob service endpoint (for example <c>https://account.blob.core.windows.net</c>), authenticated with <see cref="Credential"/>.</summary>
    public Uri? ServiceUri { get; set; }

    /// <summary>The credential for <see cref="ServiceUri"/>; <c>null</c> means <c>DefaultAzureCredential</c>.</summary>
    public TokenCredential? Credential { get; set; }

    /// <summary>
    /// Retries after a transient failure (a 408, 429, 500, 502, 503 or 504 answer, a dropped connection, a timeout),
    /// done by the Azure.Core pipeline with exponential back-off. Default 5.
    /// </summary>
    [Range(0, AzureBlobAccountOptionsValidator.MaxRetriesLimit)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first back-off delay; each retry doubles it (with jitter) up to <see cref="MaxRetryDelay"/>. Default 0.4 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "10675199.02:48:05.4775807", MinimumIsExclusive = true)]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>The longest back-off delay. Default 8 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// How long one attempt may wait for the service (for the response, and for each read of its body) before it
    /// counts as a transient failure and is retried. Default 60 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "10675199.02:48:05.4775807", MinimumIsExclusive = true)]
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Create a store's container on its first write when it does not exist. Default <c>true</c>.</summary>
    public bool CreateContainerIfMissing { get; set; } = true;

    /// <summary>
    /// A last say over the SDK's client options after the settings above are applied: add pipeline policies
    /// (diagnostics, fault injection in tests), pin a service version, change the transport.
    /// </summary>
    public Action<BlobClientOptions>? ConfigureClientOptions { get; set; }

    /// <summary>Copies the account and pipeline settings of <paramref name="source"/> into this instance.</summary>
    public void CopyAccountSettingsFrom(AzureBlobAccountOptions source)
    {
        ArgumentNullException.ThrowIfNull(source);
        ConnectionString = source.ConnectionString;
        ServiceUri = source.ServiceUri;
        Credential = source.Credential;
        MaxRetries = source.MaxRetries;
        RetryDelay = source.RetryDelay;
        MaxRetryDelay = source.MaxRetryDelay;
        NetworkTimeout = source.NetworkTimeout;
        CreateContainerIfMissing = source.CreateContainerIfMissing;
        ConfigureClientOptions = source.ConfigureClientOptions;
    }
}
