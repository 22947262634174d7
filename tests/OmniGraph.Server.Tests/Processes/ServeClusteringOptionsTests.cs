using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OmniGraph.Server.Tests.Support;
using OmniGraph.Testing.IO;

namespace OmniGraph.Server.Tests.Processes;

/// <summary>
/// <c>omnigraph serve</c>'s clustering flags refuse what cannot work before anything starts, with a usage error on
/// standard error and nothing on standard output; the Azure-clustered client validates its table at start.
/// </summary>
public sealed class ServeClusteringOptionsTests
{
    [Theory]
    [InlineData("--clustering", "bogus")]
    [InlineData("--advertise", "not-an-ip")]
    [InlineData("--silo-port", "70000")]
    [InlineData("--cluster-id", " ")]
    public async Task BadClusteringFlags_AreUsageErrors(string flag, string value)
    {
        using var root = new TempDirectory();
        var result = await InProcessCli.RunAsync("serve", "--store", root.Path, "--bind", "127.0.0.1:0", "--unauthenticated", flag, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains(flag.TrimStart('-') is "clustering" ? "bogus" : flag, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AzureClusteringWithABadTable_IsRefusedBeforeStart()
    {
        using var root = new TempDirectory();
        var result = await InProcessCli.RunAsync("serve", "--store", root.Path, "--bind", "127.0.0.1:0", "--unauthenticated", "--clustering", "azure", "--advertise", "127.0.0.1");

        // Without AZURE_STORAGE_CONNECTION_STRING there is no account to keep the membership in.
        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains(
            Environment.GetEnvironmentVariable("AZURE_STORAGE_CONNECTION_STRING") is { Length: > 0 } ? "error[" : "needs a storage account",
            result.Error,
            StringComparison.Ordinal);
    }

    [Fact]
    public void AzureClient_NeedsNoStaticGateway_ButAValidTable()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddOmniGraphAzureClient(static _ => { }, static table =>
        {
            table.ConnectionString = "UseDevelopmentStorage=true";
            table.TableName = "not-a-table";
        });
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.StartAsync().GetAwaiter().GetResult());
        Assert.Contains("not-a-table", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("no gateway", error.Message, StringComparison.Ordinal);
    }
}
