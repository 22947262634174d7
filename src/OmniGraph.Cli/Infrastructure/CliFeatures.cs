using Microsoft.Extensions.DependencyInjection;

namespace OmniGraph.Cli.Infrastructure;

/// <summary>The features the CLI's embedded silo runs besides the engine: one line per feature.</summary>
internal static class CliFeatures
{
    /// <summary>Adds every feature to the embedded silo (<c>EmbeddedGraphOptions.ConfigureSilo</c>).</summary>
    public static void Configure(ISiloBuilder silo)
    {
        silo.AddOmniGraphLoading();
        silo.AddOmniGraphExecution();
        silo.AddOmniGraphMutations();

        // A graph on az:// keeps its grain state through Orleans' Azure Blob grain storage, as a server's silo does.
        silo.AddOmniGraphAzureBlobGrainStorage();
    }
}
