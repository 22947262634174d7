using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace OmniGraph.Storage.Azure;

/// <summary>
/// The object store on one Azure Blob Storage container (Azure.Storage.Blobs). Each key is one block blob of that name,
/// written with a single Put Blob (atomic: readers see the old or the new blob). The store's guarantees map onto the
/// service's own:
/// <list type="bullet">
/// <item>create-if-absent is <c>If-None-Match: *</c> (a loser gets 409 <c>BlobAlreadyExists</c>); compare-and-swap is
/// <c>If-Match: etag</c> (412 <c>ConditionNotMet</c>); both are <see cref="ObjectPreconditionFailedException"/>;</item>
/// <item>leases are blob leases; listing is the service's prefix listing with its own continuation markers;</item>
/// <item>transient failures (timeouts, 408/429/5xx, dropped connections) are retried with exponential back-off by the
/// Azure.Core pipeline, configured by <see cref="AzureBlobAccountOptions"/>; what still fails is
/// an <see cref="OmniGraphException"/> (<c>store_unavailable</c>).</item>
/// </list>
/// A conditional write refused on a retry (its earlier attempt may have been applied) is reported as
/// an <see cref="OmniGraphException"/> (<c>store_unavailable</c>) too: its outcome is unknown, and calling it a lost race could make a
/// caller redo a write that already happened. Thread-safe; no I/O until the first operation.
/// </summary>
public sealed partial class AzureBlobObjectStore : IObjectStore
{
    private readonly BlobContainerClient _container;
    private readonly bool _createContainerIfMissing;
    private readonly ILogger _logger;

    /// <summary>A store on <paramref name="container"/>, whose client carries the account and the pipeline settings.</summary>
    /// <param name="container">The container client (see <see cref="Create"/> to build one from options).</param>
    /// <param name="createContainerIfMissing">Create the container on the first write that finds it missing.</param>
    /// <param name="logger">Logging; none by default.</param>
    public AzureBlobObjectStore(BlobContainerClient container, bool createContainerIfMissing = true, ILogger<AzureBlobObjectStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(container);
        _container = container;
        _createContainerIfMissing = createContainerIfMissing;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        Location = new AzureBlobLocation(container.Name, string.Empty).ToString();
    }

    /// <summary><c>az://container</c>.</summary>
    public string Location { get; }

    /// <summary>The container's name.</summary>
    public string ContainerName => _container.Name;

    /// <summary>
    /// The container's client (its account, credentials and pipeline: retries, timeouts), for a component that talks to
    /// the same container directly, such as Orleans' Azure Blob grain storage keeping grain state beside a graph.
    /// </summary>
    public BlobContainerClient Container => _container;

    /// <summary>The blob service endpoint of the account (no credentials), for diagnostics.</summary>
    public Uri ServiceUri => new(_container.Uri.GetLeftPart(UriPartial.Authority));

    /// <summary>
    /// Opens the store <paramref name="options"/> describe: a new client for their account, the container, and a
    /// <see cref="PrefixedObjectStore"/> view when <see cref="AzureBlobObjectStoreOptions.Prefix"/> is set.
    /// </summary>
    /// <exception cref="OptionsValidationException">The options are invalid (<see cref="AzureBlobObjectStoreOptionsValidator"/>).</exception>
    public static IObjectStore Create(AzureBlobObjectStoreOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new AzureBlobObjectStoreOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(AzureBlobObjectStoreOptions), validation.Failures);
        }

        var location = new AzureBlobLocation(options.ContainerName, options.Prefix.TrimEnd('/'));
        var service = AzureBlobClientFactory.Create(options, location.ToString());
        return Open(service, location, options.CreateContainerIfMissing, loggerFactory);
    }

    /// <summary>The store of <paramref name="location"/> on <paramref name="service"/>: the container, under its prefix.</summary>
    internal static IObjectStore Open(BlobServiceClient service, AzureBlobLocation location, bool createContainerIfMissing, ILoggerFactory? loggerFactory)
    {
        var store = new AzureBlobObjectStore(
            service.GetBlobContainerClient(location.ContainerName),
            createContainerIfMissing,
            loggerFactory?.CreateLogger<AzureBlobObjectStore>());
        return location.Prefix.Length == 0 ? store : new PrefixedObjectStore(store, location.Prefix);
    }

    private BlobClient Blob(string key) => _container.GetBlobClient(key);

    private BlockBlobClient BlockBlob(string key) => _container.GetBlockBlobClient(key);

    /// <summary>Logs a success that needed retries; the caller's operation completed.</summary>
    private void NoteRetries(string operation, string key, RequestAttempts attempts)
    {
        if (attempts.WasRetried)
        {
            AzureBlobObjectStoreLog.SucceededAfterRetries(_logger, operation, key, Location, attempts.Count);
        }
    }

    /// <summary>The failure of a service or network, after the pipeline's retries, as the store reports it.</summary>
    private OmniGraphException Unavailable(string operation, string key, Exception exception, RequestAttempts attempts)
    {
        var reason = BlobFailures.Describe(exception);
        AzureBlobObjectStoreLog.Unavailable(_logger, operation, key, Location, attempts.Count, reason, exception);
        return StoreErrors.Unavailable(key, $"Azure Blob {operation} of '{key}' in {Location} failed after {attempts.Count} attempt(s): {reason}", exception);
    }

    /// <summary>
    /// A conditional write or delete refused on a retry: the attempt before may have been applied, so whether this call
    /// changed the object is unknown, and it must not be mistaken for a lost race.
    /// </summary>
    private OmniGraphException OutcomeUnknown(string operation, string key, RequestFailedException exception, RequestAttempts attempts)
    {
        AzureBlobObjectStoreLog.OutcomeUnknown(_logger, operation, key, Location, attempts.Count, exception.Status, exception.ErrorCode);
        return StoreErrors.Unavailable(
            key,
            $"Azure Blob {operation} of '{key}' in {Location}: outcome unknown. An attempt failed transiently and its retry was refused with HTTP {exception.Status} {exception.ErrorCode}, which the earlier attempt's own write may have caused; read the object to learn its state",
            exception);
    }

    /// <summary>The current entity tag of <paramref name="key"/> for a precondition failure, or <c>null</c> when it is missing or cannot be read.</summary>
    private async Task<string?> TryReadCurrentETagAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await Blob(key).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return AzureETags.ToText(properties.Value.ETag);
        }
        catch (Exception exception) when (BlobFailures.IsServiceFailure(exception, cancellationToken))
        {
            // The precondition failure is the answer; the tag only helps the caller, so a failed read leaves it unknown.
            return null;
        }
    }
}
