using OmniGraph.Azure;

namespace OmniGraph.Storage.Azure.Tests.Configuration;

/// <summary>The membership table's options: a table name Azure accepts, one account form, a connection string the SDK parses (never echoed).</summary>
public sealed class AzureTableClusteringOptionsValidatorTests
{
    [Fact]
    public void Defaults_AreValid() =>
        Assert.True(new AzureTableClusteringOptionsValidator().Validate(null, new AzureTableClusteringOptions()).Succeeded);

    [Theory]
    [InlineData("ab")]
    [InlineData("1table")]
    [InlineData("with-dash")]
    public void BadTableName_Fails(string name)
    {
        var result = new AzureTableClusteringOptionsValidator().Validate(null, new AzureTableClusteringOptions { TableName = name });

        Assert.True(result.Failed);
        Assert.Contains(name, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void BothAccountForms_Fail()
    {
        var options = new AzureTableClusteringOptions { ConnectionString = "UseDevelopmentStorage=true", TableServiceUri = new Uri("https://acct.table.core.windows.net") };

        Assert.Contains("not both", new AzureTableClusteringOptionsValidator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void UnparsableConnectionString_Fails_WithoutEchoingIt()
    {
        var options = new AzureTableClusteringOptions { ConnectionString = "AccountKey=s3cret-key;garbage" };

        var result = new AzureTableClusteringOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.DoesNotContain("s3cret", result.FailureMessage, StringComparison.Ordinal);
    }
}
