using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OmniGraph.Testing.IO;
using OmniGraph.Testing.Storage;

namespace OmniGraph.Storage.Tests.Hosting;

/// <summary>Service-collection registration, options and their validation.</summary>
public sealed class ObjectStoreRegistrationTests
{
    [Fact]
    public async Task AddLocalObjectStore_ResolvesAStoreAtTheConfiguredRoot()
    {
        using var directory = new TempDirectory();
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddLocalObjectStore(options => options.RootPath = directory.Combine("store"))
            .BuildServiceProvider();

        var store = provider.GetRequiredService<IObjectStore>();
        await store.PutAsync("k", Bytes.Utf8("x"), WriteCondition.None);

        Assert.Same(store, provider.GetRequiredService<IObjectStore>());
        Assert.Equal(directory.Combine("store"), Assert.IsType<LocalDirectoryObjectStore>(store).RootPath);
    }

    [Fact]
    public void AddLocalObjectStore_WithInvalidOptions_FailsValidationOnResolve()
    {
        using var provider = new ServiceCollection()
            .AddLocalObjectStore(options => options.LockTimeout = TimeSpan.Zero)
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IObjectStore>());

        Assert.Contains(error.Failures, f => f.Contains("RootPath", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("LockTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddStores_ByName_RegistersKeyedStoresSideBySide()
    {
        using var directory = new TempDirectory();
        using var provider = new ServiceCollection()
            .AddLocalObjectStore("durable", options => options.RootPath = directory.Path)
            .AddMemoryObjectStore("scratch")
            .AddMemoryObjectStore()
            .BuildServiceProvider();

        var durable = provider.GetRequiredKeyedService<IObjectStore>("durable");
        var scratch = provider.GetRequiredKeyedService<IObjectStore>("scratch");
        var fallback = provider.GetRequiredService<IObjectStore>();
        await scratch.PutAsync("k", Bytes.Utf8("x"), WriteCondition.None);

        Assert.IsType<LocalDirectoryObjectStore>(durable);
        Assert.Equal("memory://scratch", scratch.Location);
        Assert.NotSame(scratch, fallback);
        Assert.Null(await fallback.GetPropertiesAsync("k"));
    }

    [Fact]
    public async Task AddMemoryObjectStore_WithAName_SharesTheProcessWideStore()
    {
        var name = "di-" + Guid.NewGuid().ToString("N");
        try
        {
            using var provider = new ServiceCollection().AddMemoryObjectStore(options => options.Name = name).BuildServiceProvider();

            var store = provider.GetRequiredService<IObjectStore>();
            await store.PutAsync("k", Bytes.Utf8("x"), WriteCondition.None);

            Assert.Same(NamedMemoryObjectStores.GetOrCreate(name), store);
        }
        finally
        {
            NamedMemoryObjectStores.Remove(name);
        }
    }

    [Fact]
    public void AddMemoryObjectStore_WithABadName_FailsValidation()
    {
        using var provider = new ServiceCollection().AddMemoryObjectStore(options => options.Name = "bad name").BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IObjectStore>());
    }

    [Fact]
    public void AddObjectStore_FromALocation_PicksTheBackendAndRejectsUnknownSchemesAtRegistration()
    {
        using var directory = new TempDirectory();
        using var provider = new ServiceCollection().AddObjectStore(new Uri(directory.Path).AbsoluteUri).BuildServiceProvider();

        Assert.IsType<LocalDirectoryObjectStore>(provider.GetRequiredService<IObjectStore>());
        Assert.Throws<InvalidObjectStoreUriException>(() => new ServiceCollection().AddObjectStore("gopher://x"));
    }

    [Theory]
    [InlineData("", "RootPath is required")]
    [InlineData("/", "file-system root")]
    public void LocalOptionsValidator_RejectsBadRoots(string root, string failure)
    {
        var result = new LocalObjectStoreOptionsValidator().Validate(null, new LocalObjectStoreOptions { RootPath = root });

        Assert.True(result.Failed);
        Assert.Contains(failure, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalOptionsValidator_RejectsTooShortTemporaryFileAge()
    {
        var result = new LocalObjectStoreOptionsValidator().Validate(null, new LocalObjectStoreOptions { RootPath = "/data", TemporaryFileMaxAge = TimeSpan.FromMilliseconds(10) });

        Assert.True(result.Failed);
        Assert.Contains("TemporaryFileMaxAge", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalOptionsValidator_RejectsANonPositiveLockTimeout()
    {
        var result = new LocalObjectStoreOptionsValidator().Validate(null, new LocalObjectStoreOptions { RootPath = "/data", LockTimeout = TimeSpan.Zero });

        Assert.True(result.Failed);
        Assert.Contains("LockTimeout: The field LocalObjectStoreOptions.LockTimeout must be between 00:00:00 exclusive and", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalDirectoryObjectStore_ConstructedWithInvalidOptions_Throws()
    {
        Assert.Throws<OptionsValidationException>(() => new LocalDirectoryObjectStore(new LocalObjectStoreOptions()));
    }
}
