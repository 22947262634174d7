using Azure.Core;
using OmniGraph.Storage.Azure.Tests.Support;

namespace OmniGraph.Storage.Azure.Tests.Configuration;

/// <summary>What the options validators refuse, each with a message that names the setting (and never echoes a key).</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class AzureBlobOptionsValidatorTests
{
    private const string DevelopmentStorage = "UseDevelopmentStorage=true";

    [Fact]
    public void AccountOptions_Defaults_AreValidWithoutAnAccount()
    {
        var result = new AzureBlobAccountOptionsValidator().Validate(null, new AzureBlobAccountOptions());

        Assert.True(result.Succeeded);
    }

    public static TheoryData<string, string> InvalidAccountSettings => new()
    {
        { "both", "not both" },
        { "badConnectionString", "ConnectionString is not a valid storage connection string" },
        { "emptyConnectionString", "ConnectionString must not be empty" },
        { "relativeUri", "ServiceUri must be an absolute http(s) URI" },
        { "ftpUri", "ServiceUri must be an absolute http(s) URI" },
        { "credentialAlone", "Credential is used only with ServiceUri" },
        { "negativeRetries", "MaxRetries must be between 0 and 20" },
        { "tooManyRetries", "MaxRetries must be between 0 and 20" },
        { "zeroDelay", "RetryDelay: The field AzureBlobAccountOptions.RetryDelay must be between 00:00:00 exclusive and" },
        { "maxBelowDelay", "MaxRetryDelay must be at least RetryDelay" },
        { "zeroTimeout", "NetworkTimeout: The field AzureBlobAccountOptions.NetworkTimeout must be between 00:00:00 exclusive and" },
    };

    [Theory]
    [MemberData(nameof(InvalidAccountSettings))]
    public void AccountOptions_Invalid_FailWithTheSettingNamed(string setting, string message)
    {
        var options = new AzureBlobAccountOptions();
        Apply(options, setting);

        var result = new AzureBlobAccountOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void ConnectionString_Invalid_IsNeverRepeated()
    {
        var options = new AzureBlobAccountOptions { ConnectionString = "AccountName=x;AccountKey=the-secret-key" };

        var result = new AzureBlobAccountOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.DoesNotContain(result.Failures!, f => f.Contains("the-secret-key", StringComparison.Ordinal));
    }

    [Fact]
    public void StoreOptions_Valid_Succeed()
    {
        var options = new AzureBlobObjectStoreOptions { ConnectionString = DevelopmentStorage, ContainerName = "graphs", Prefix = "tenants/t1/" };

        Assert.True(new AzureBlobObjectStoreOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("", "", "ContainerName: a container name has 3 to 63 characters")]
    [InlineData("Graphs", "", "ContainerName: a container name uses only lower-case letters")]
    [InlineData("graphs", "a//b", "Prefix: a key must not contain an empty segment")]
    [InlineData("graphs", "x/.og-lock", "Prefix: a key segment must not contain '.og-'")]
    public void StoreOptions_BadContainerOrPrefix_Fail(string container, string prefix, string message)
    {
        var options = new AzureBlobObjectStoreOptions { ConnectionString = DevelopmentStorage, ContainerName = container, Prefix = prefix };

        var result = new AzureBlobObjectStoreOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void StoreOptions_WithNoAccountAnywhere_Fail()
    {
        using var unset = new EnvironmentVariableScope(AzureBlobAccountOptions.ConnectionStringEnvironmentVariable, null);

        var result = new AzureBlobObjectStoreOptionsValidator().Validate(null, new AzureBlobObjectStoreOptions { ContainerName = "graphs" });

        Assert.Contains(result.Failures!, f => f.Contains("no storage account", StringComparison.Ordinal));
    }

    private static void Apply(AzureBlobAccountOptions options, string setting)
    {
        switch (setting)
        {
            case "both":
                options.ConnectionString = DevelopmentStorage;
                options.ServiceUri = new Uri("https://account.blob.core.windows.net");
                break;
            case "badConnectionString":
                options.ConnectionString = "this is not one";
                break;
            case "emptyConnectionString":
                options.ConnectionString = " ";
                break;
            case "relativeUri":
                options.ServiceUri = new Uri("/blobs", UriKind.Relative);
                break;
            case "ftpUri":
                options.ServiceUri = new Uri("ftp://account.blob.core.windows.net");
                break;
            case "credentialAlone":
                options.Credential = new NoCredential();
                break;
            case "negativeRetries":
                options.MaxRetries = -1;
                break;
            case "tooManyRetries":
                options.MaxRetries = 21;
                break;
            case "zeroDelay":
                options.RetryDelay = TimeSpan.Zero;
                break;
            case "maxBelowDelay":
                options.RetryDelay = TimeSpan.FromSeconds(2);
                options.MaxRetryDelay = TimeSpan.FromSeconds(1);
                break;
            case "zeroTimeout":
                options.NetworkTimeout = TimeSpan.Zero;
                break;
        }
    }

    private sealed class NoCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
