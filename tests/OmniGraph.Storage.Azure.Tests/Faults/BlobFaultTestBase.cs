using OmniGraph.Testing.Azure;
using OmniGraph.Testing.Storage;

namespace OmniGraph.Storage.Azure.Tests.Faults;

/// <summary>A blob store on the shared Azurite whose every request passes a fault injector; retries are fast and few.</summary>
public abstract class BlobFaultTestBase : IClassFixture<AzuriteFixture>
{
    /// <summary>Retries after the first attempt.</summary>
    protected const int MaxRetries = 3;

    protected BlobFaultTestBase(AzuriteFixture azurite)
    {
        Azurite = azurite;
        Store = CreateStore(TimeSpan.FromSeconds(10));
    }

    protected AzuriteFixture Azurite { get; }

    protected BlobFaultInjector Faults { get; } = new();

    protected IObjectStore Store { get; }

    protected static ReadOnlyMemory<byte> Text(string text) => Bytes.Utf8(text);

    /// <summary>A store in a new container whose requests pass <see cref="Faults"/>, with <paramref name="networkTimeout"/> per attempt.</summary>
    protected IObjectStore CreateStore(TimeSpan networkTimeout) => Azurite.CreateStore(options =>
    {
        options.MaxRetries = MaxRetries;
        options.NetworkTimeout = networkTimeout;
        options.ConfigureClientOptions = Faults.InstallInto;
    });

    protected async Task<string> ReadTextAsync(string key) => Bytes.Text((await Store.GetAsync(key)).Content);

    protected int Attempts(BlobOperation operation, string key) =>
        Faults.CountAttempts(r => r.Operation == operation && r.IsFor(key));
}
