using Microsoft.Extensions.Options;
using OmniGraph.Storage.Azure.Tests.Support;
using OmniGraph.Testing.Azure;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.Storage;

namespace OmniGraph.Storage.Azure.Tests.Addressing;

/// <summary>
/// az:// through the provider registry: opening stores of the configured account (or AZURE_STORAGE_CONNECTION_STRING),
/// and typed errors where the provider or the account is missing. Tests here read and set that environment variable, so
/// they run in the <see cref="EnvironmentCollection"/>, one after another.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class AzureBlobObjectStoreProviderTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly ObjectStoreProviderRegistry _registry = new();

    [Fact]
    public async Task Open_ContainerWithPrefix_IsAPrefixedViewOfTheContainer()
    {
        AzureBlobObjectStoreProvider.Register(options => options.ConnectionString = azurite.Server.ConnectionString, _registry);
        var container = AzuriteStores.NewContainerName("provider");

        var view = ObjectStoreUri.Open($"az://{container}/graphs/g1", _registry);
        var whole = ObjectStoreUri.Open($"AZ://{container}/", _registry);
        await view.PutAsync("manifest", Bytes.Utf8("m"), WriteCondition.IfNotExists);

        Assert.IsType<PrefixedObjectStore>(view);
        Assert.IsType<AzureBlobObjectStore>(whole);
        Assert.Equal($"az://{container}", whole.Location);
        Assert.Equal(["graphs/g1/manifest"], (await whole.ListAsync("")).Objects.Select(o => o.Key));
        Assert.Equal(ObjectStoreKind.Provider, ObjectStoreUri.Parse($"az://{container}/graphs/g1/", _registry).Kind);
        Assert.Equal($"az://{container}/graphs/g1", ObjectStoreUri.Parse($"az://{container}/graphs/g1/", _registry).Address);
    }

    [Fact]
    public async Task Open_WithoutAnAccountInTheOptions_UsesTheEnvironmentConnectionString()
    {
        AzureBlobObjectStoreProvider.Register(registry: _registry);
        var container = AzuriteStores.NewContainerName("env");
        using (new EnvironmentVariableScope(AzureBlobAccountOptions.ConnectionStringEnvironmentVariable, azurite.Server.ConnectionString))
        {
            var store = ObjectStoreUri.Open($"az://{container}", _registry);
            await store.PutAsync("k", Bytes.Utf8("from env"), WriteCondition.None);

            Assert.Equal("from env", Bytes.Text((await store.GetAsync("k")).Content));
        }
    }

    [Fact]
    public void Open_WithNoAccountAnywhere_IsStoreUnavailableNamingTheVariable()
    {
        AzureBlobObjectStoreProvider.Register(registry: _registry);
        using var unset = new EnvironmentVariableScope(AzureBlobAccountOptions.ConnectionStringEnvironmentVariable, null);

        var error = ErrorAssert.Throws(ErrorCodes.StoreUnavailable, () => ObjectStoreUri.Open("az://graphs/g1", _registry));

        Assert.Equal(ErrorCodes.StoreUnavailable, error.Code);
        Assert.Contains("AZURE_STORAGE_CONNECTION_STRING", error.Message, StringComparison.Ordinal);
        Assert.Contains("az://graphs/g1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_WithABrokenEnvironmentConnectionString_SaysSoWithoutRepeatingIt()
    {
        AzureBlobObjectStoreProvider.Register(registry: _registry);
        using var broken = new EnvironmentVariableScope(AzureBlobAccountOptions.ConnectionStringEnvironmentVariable, "AccountName=x;AccountKey=secret-key-text");

        var error = ErrorAssert.Throws(ErrorCodes.StoreUnavailable, () => ObjectStoreUri.Open("az://graphs", _registry));

        Assert.Contains("not a valid storage connection string", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key-text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_WithInvalidOptions_FailsBeforeAnythingIsRegistered()
    {
        var error = Assert.Throws<OptionsValidationException>(() => AzureBlobObjectStoreProvider.Register(
            options =>
            {
                options.ConnectionString = azurite.Server.ConnectionString;
                options.ServiceUri = new Uri("https://account.blob.core.windows.net");
            },
            _registry));

        Assert.Contains("not both", error.Message, StringComparison.Ordinal);
        Assert.Empty(_registry.Schemes);
    }

    [Fact]
    public async Task ServiceUriWithACredentialThatCannotAuthenticate_IsStoreUnavailable()
    {
        AzureBlobObjectStoreProvider.Register(
            options =>
            {
                // https, as bearer tokens require; nothing listens there, and the credential fails before any connection.
                options.ServiceUri = new Uri("https://127.0.0.1:9/devstoreaccount1");
                options.Credential = new FailingCredential();
                options.MaxRetries = 1;
                options.RetryDelay = TimeSpan.FromMilliseconds(10);
            },
            _registry);
        var store = ObjectStoreUri.Open("az://graphs", _registry);

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.StoreUnavailable, () => store.GetAsync("k").AsTask());

        Assert.Contains("could not authenticate", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, FailingCredential.Calls);
    }

    private sealed class FailingCredential : global::Azure.Core.TokenCredential
    {
        public static int Calls;

        public override global::Azure.Core.AccessToken GetToken(global::Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw Fail();

        public override ValueTask<global::Azure.Core.AccessToken> GetTokenAsync(global::Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw Fail();

        private static global::Azure.Identity.AuthenticationFailedException Fail()
        {
            Interlocked.Increment(ref Calls);
            return new global::Azure.Identity.AuthenticationFailedException("no identity is available here (test credential)");
        }
    }
}
