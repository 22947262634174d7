using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OmniGraph.Abstractions;
using OmniGraph.Grains.Hosting;
using OmniGraph.Mutations.Execution;
using OmniGraph.Mutations.Hosting;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Mutations.Tests.Hosting;

/// <summary>Registration of the mutation feature, its options and its grain interface's portability.</summary>
public sealed class HostingTests
{
    [Fact]
    public void OptionsValidator_RefusesBadSettings()
    {
        var validator = new OmniGraphMutationOptionsValidator();

        Assert.True(validator.Validate(null, new OmniGraphMutationOptions()).Succeeded);
        var result = validator.Validate(null, new OmniGraphMutationOptions { MaxRowsPerTable = -1, LookupBatchSize = 0 });
        Assert.True(result.Failed);
        Assert.Equal(2, result.Failures!.Count());
    }

    [Fact]
    public void AddOmniGraphMutations_RegistersTheExecutorAndValidatedOptions()
    {
        var services = new ServiceCollection();
        services.AddOmniGraphMutations(static o => o.MaxRowsPerTable = 10);

        Assert.Contains(services, static d => d.ServiceType == typeof(MutationExecutor));
        Assert.Contains(services, static d => d.ImplementationType == typeof(OmniGraphMutationOptionsValidator));
        using var provider = services.BuildServiceProvider();
        Assert.Equal(10, provider.GetRequiredService<IOptions<OmniGraphMutationOptions>>().Value.MaxRowsPerTable);
    }

    [Fact]
    public async Task EmbeddedHost_ComposesMutations_ThroughConfigureSilo()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"og-mutations-embedded-{Guid.NewGuid():N}");
        try
        {
            await using var graph = await OmniGraphEmbedded.InitAsync(directory, AcceptanceFixtures.TestSchema, static o => o.ConfigureSilo = static silo => silo.AddOmniGraphMutations());

            var change = await graph.Client.MutateAsync(AcceptanceFixtures.MutationQueries, "insert_person", """{"name":"Eve","age":22}""");

            Assert.Equal(1, change.AffectedNodes);
            Assert.Equal(2, change.Commit!.GraphManifestVersion);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
