using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OmniGraph.Storage.Azure;

/// <summary>
/// The <c>az://CONTAINER/PREFIX</c> scheme for <see cref="ObjectStoreUri"/>: every location it opens is a container of
/// one account (its <see cref="AzureBlobAccountOptions"/>), all sharing one SDK client and so one connection pool.
/// Register it with <see cref="Register"/> or <c>services.AddAzureBlobObjectStoreProvider()</c>; until then
/// <c>az://</c> locations are refused with <c>invalid_store_uri</c> naming this provider.
/// </summary>
/// <remarks>
/// Lease expiry follows the service's clock, so the caller's <see cref="TimeProvider"/> is not used.
/// </remarks>
public sealed class AzureBlobObjectStoreProvider : IObjectStoreProvider
{
    private readonly AzureBlobAccountOptions _options = new();
    private readonly Lock _gate = new();
    private BlobServiceClient? _service;

    /// <summary>A provider for the account <paramref name="options"/> describe (none: <c>AZURE_STORAGE_CONNECTION_STRING</c>, read on first open).</summary>
    /// <exception cref="OptionsValidationException">The options are invalid (<see cref="AzureBlobAccountOptionsValidator"/>).</exception>
    public AzureBlobObjectStoreProvider(AzureBlobAccountOptions? options = null)
    {
        if (options is not null)
        {
            var validation = new AzureBlobAccountOptionsValidator().Validate(Options.DefaultName, options);
            if (validation.Failed)
            {
                throw new OptionsValidationException(Options.DefaultName, typeof(AzureBlobAccountOptions), validation.Failures);
            }

            _options.CopyAccountSettingsFrom(options);
        }
    }

    /// <inheritdoc />
    public string Scheme => AzureBlobLocation.Scheme;

    /// <summary>
    /// Registers a provider configured by <paramref name="configure"/> in <paramref name="registry"/>
    /// (<see cref="ObjectStoreProviderRegistry.Default"/> when <c>null</c>), replacing an earlier <c>az://</c> provider.
    /// </summary>
    public static AzureBlobObjectStoreProvider Register(Action<AzureBlobAccountOptions>? configure = null, ObjectStoreProviderRegistry? registry = null)
    {
        var options = new AzureBlobAccountOptions();
        configure?.Invoke(options);
        var provider = new AzureBlobObjectStoreProvider(options);
        (registry ?? ObjectStoreProviderRegistry.Default).Register(provider);
        return provider;
    }

    /// <inheritdoc />
    public ObjectStoreLocation Parse(string location) =>
        ObjectStoreLocation.ForProvider(Scheme, AzureBlobLocation.Parse(location).ToString());

    /// <inheritdoc />
    public IObjectStore Open(ObjectStoreLocation location, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(location);
        var parsed = AzureBlobLocation.Parse(location.Address);
        return AzureBlobObjectStore.Open(GetService(parsed.ToString()), parsed, _options.CreateContainerIfMissing, loggerFactory);
    }

    private BlobServiceClient GetService(string location)
    {
        lock (_gate)
        {
            // Built on first use, so a provider registered before AZURE_STORAGE_CONNECTION_STRING is set still works;
            // a failure is not remembered, the next open tries again.
            return _service ??= AzureBlobClientFactory.Create(_options, location);
        }
    }
}
