using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OmniGraph.Testing.Storage;

namespace OmniGraph.Storage.Tests.Addressing;

/// <summary>Schemes other than a path, file:// and memory:// come from providers registered in a registry.</summary>
public sealed class ObjectStoreProviderRegistryTests
{
    private readonly ObjectStoreProviderRegistry _registry = new();

    [Fact]
    public async Task RegisteredProvider_ParsesAndOpensItsScheme()
    {
        var provider = new TestProvider("test");
        _registry.Register(provider);

        var parsed = ObjectStoreUri.Parse("TEST://Bucket/Graph/", _registry);
        var store = ObjectStoreUri.Open("test://bucket/graph", _registry);
        await store.PutAsync("k", Bytes.Utf8("x"), WriteCondition.None);

        Assert.Equal(ObjectStoreKind.Provider, parsed.Kind);
        Assert.Equal("test", parsed.Scheme);
        Assert.Equal("test://bucket/graph", parsed.Address);
        Assert.Equal("test://bucket/graph", parsed.ToString());
        Assert.Equal(["test://bucket/graph"], provider.Opened);
        Assert.Same(provider.Store, store);
        Assert.Equal(["test"], _registry.Schemes);
    }

    [Fact]
    public void ProviderRefusingALocation_FailsTypedWithItsReason()
    {
        _registry.Register(new TestProvider("test"));

        var error = Assert.Throws<InvalidObjectStoreUriException>(() => ObjectStoreUri.Parse("test://", _registry));

        Assert.Equal(ErrorCodes.InvalidStoreUri, error.Code);
        Assert.Contains("needs a bucket", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownScheme_NamesTheRegisteredOnes()
    {
        _registry.Register(new TestProvider("test"));

        var error = Assert.Throws<InvalidObjectStoreUriException>(() => ObjectStoreUri.Open("s3://bucket/x", _registry));

        Assert.Contains("unknown scheme 's3'", error.Message, StringComparison.Ordinal);
        Assert.Contains("test://", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AzScheme_WithoutItsProvider_NamesTheMissingPackage()
    {
        var error = Assert.Throws<InvalidObjectStoreUriException>(() => ObjectStoreUri.Open("az://graphs/g1", _registry));

        Assert.Equal(ErrorCodes.InvalidStoreUri, error.Code);
        Assert.Contains("OmniGraph.Storage.Azure", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddAzureBlobObjectStoreProvider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_SameSchemeAgain_ReplacesAndRemoveForgets()
    {
        var first = new TestProvider("test");
        var second = new TestProvider("test");
        _registry.Register(first);

        _registry.Register(second);

        Assert.Same(second, _registry.Find("TEST"));
        Assert.True(_registry.Remove("Test"));
        Assert.False(_registry.Remove("test"));
        Assert.Null(_registry.Find("test"));
        Assert.Throws<InvalidObjectStoreUriException>(() => ObjectStoreUri.Parse("test://bucket", _registry));
    }

    [Theory]
    [InlineData("file")]
    [InlineData("memory")]
    [InlineData("")]
    [InlineData("Az")]
    [InlineData("1az")]
    [InlineData("a b")]
    [InlineData("a/b")]
    public void Register_BuiltInOrMalformedScheme_IsRefused(string scheme)
    {
        Assert.Throws<ArgumentException>(() => _registry.Register(new TestProvider(scheme)));

        Assert.Empty(_registry.Schemes);
    }

    [Fact]
    public void ProviderReturningAnotherKind_IsAProgrammingError()
    {
        _registry.Register(new TestProvider("test", misbehave: true));

        Assert.Throws<InvalidOperationException>(() => ObjectStoreUri.Parse("test://bucket", _registry));
    }

    [Fact]
    public async Task AddObjectStore_WithAProviderLocation_OpensItWhenResolved()
    {
        var provider = new TestProvider("test");
        _registry.Register(provider);
        using var services = new ServiceCollection().AddLogging().AddObjectStore("test://bucket/g", _registry).BuildServiceProvider();

        Assert.Empty(provider.Opened);
        var store = services.GetRequiredService<IObjectStore>();
        await store.PutAsync("k", Bytes.Utf8("x"), WriteCondition.None);

        Assert.Same(provider.Store, store);
        Assert.Equal(["test://bucket/g"], provider.Opened);
        Assert.NotNull(provider.LastLoggerFactory);
    }

    [Fact]
    public void AddObjectStore_WithAnUnregisteredScheme_FailsAtRegistration()
    {
        Assert.Throws<InvalidObjectStoreUriException>(() => new ServiceCollection().AddObjectStore("test://bucket", _registry));
    }

    /// <summary>A provider over one memory store that lower-cases its locations.</summary>
    private sealed class TestProvider(string scheme, bool misbehave = false) : IObjectStoreProvider
    {
        public MemoryObjectStore Store { get; } = new();

        public List<string> Opened { get; } = [];

        public ILoggerFactory? LastLoggerFactory { get; private set; }

        public string Scheme => scheme;

        public ObjectStoreLocation Parse(string location)
        {
            var rest = location[(location.IndexOf("://", StringComparison.Ordinal) + 3)..].TrimEnd('/');
            if (rest.Length == 0)
            {
                throw new InvalidObjectStoreUriException(location, "a test location needs a bucket");
            }

            return misbehave
                ? new ObjectStoreLocation(ObjectStoreKind.Memory, rest)
                : ObjectStoreLocation.ForProvider(scheme, $"{scheme}://{rest.ToLowerInvariant()}");
        }

        public IObjectStore Open(ObjectStoreLocation location, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
        {
            Opened.Add(location.Address);
            LastLoggerFactory = loggerFactory;
            return Store;
        }
    }
}
