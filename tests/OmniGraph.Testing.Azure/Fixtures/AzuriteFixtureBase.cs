using OmniGraph.Storage;
using OmniGraph.Storage.Azure;

namespace OmniGraph.Testing.Azure;

/// <summary>What the Azurite class fixtures share: the server once initialized, and stores in new containers of it.</summary>
public abstract class AzuriteFixtureBase : IAsyncLifetime
{
    private AzuriteServer? _server;

    /// <summary>The server.</summary>
    public AzuriteServer Server => _server ?? throw new InvalidOperationException("the fixture is not initialized");

    /// <summary>A store in a new container of the server, after <paramref name="configure"/> had its say.</summary>
    public IObjectStore CreateStore(Action<AzureBlobObjectStoreOptions>? configure = null) => AzuriteStores.Create(Server, configure);

    /// <inheritdoc />
    public async Task InitializeAsync() => _server = await AcquireServerAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (OwnsServer && _server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Whether the fixture started the server (and stops it), rather than borrowing a shared one.</summary>
    protected abstract bool OwnsServer { get; }

    /// <summary>Starts or borrows the server.</summary>
    protected abstract Task<AzuriteServer> AcquireServerAsync();
}
