using Microsoft.Extensions.Options;
using OmniGraph.Abstractions;
using OmniGraph.Security;
using OmniGraph.Storage;

namespace OmniGraph.Grains.Hosting;

/// <summary>Validates <see cref="OmniGraphOptions"/> when the silo starts.</summary>
public sealed class OmniGraphOptionsValidator : IValidateOptions<OmniGraphOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, OmniGraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (graphId, location) in options.Graphs.OrderBy(static g => g.Key, StringComparer.Ordinal))
        {
            if (GraphGrainKeys.FindGraphIdViolation(graphId) is { } problem)
            {
                failures.Add($"graph '{graphId}': {problem}");
            }

            try
            {
                ObjectStoreUri.Parse(location);
            }
            catch (InvalidObjectStoreUriException exception)
            {
                failures.Add($"graph '{graphId}': {exception.Message}");
            }
        }

        foreach (var (graphId, bundle) in options.GraphPolicies.OrderBy(static g => g.Key, StringComparer.Ordinal))
        {
            Require(failures, options.Graphs.ContainsKey(graphId), $"{nameof(OmniGraphOptions.GraphPolicies)}: graph '{graphId}' is not configured");
            Require(failures, bundle.Kind == PolicyBundleKind.Graph, $"{nameof(OmniGraphOptions.GraphPolicies)}: the bundle of graph '{graphId}' grants graph_list, a server-scoped action: it is no graph bundle");
        }

        try
        {
            ObjectStoreUri.Parse(options.RegistryLocation);
        }
        catch (InvalidObjectStoreUriException exception)
        {
            failures.Add($"{nameof(OmniGraphOptions.RegistryLocation)}: {exception.Message}");
        }

        Require(failures, options.MaxFragmentRows >= 1, $"{nameof(OmniGraphOptions.MaxFragmentRows)} must be at least 1");
        Require(failures, options.VersionCacheSize >= 0, $"{nameof(OmniGraphOptions.VersionCacheSize)} must not be negative");
        Require(failures, options.MaxStagedTransactions >= 1, $"{nameof(OmniGraphOptions.MaxStagedTransactions)} must be at least 1");
        Require(failures, options.MaxWriteAttempts >= 1, $"{nameof(OmniGraphOptions.MaxWriteAttempts)} must be at least 1");
        Require(failures, options.StaleSidecarAge >= TimeSpan.Zero, $"{nameof(OmniGraphOptions.StaleSidecarAge)} must not be negative");
        Require(failures, options.MaxRowsPerTableWrite >= 0, $"{nameof(OmniGraphOptions.MaxRowsPerTableWrite)} must not be negative");
        Require(failures, options.PromotionRevertWindow > TimeSpan.Zero, $"{nameof(OmniGraphOptions.PromotionRevertWindow)} must be positive");
        Require(failures, options.HeadHintInterval >= 1, $"{nameof(OmniGraphOptions.HeadHintInterval)} must be at least 1");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, bool condition, string message)
    {
        if (!condition)
        {
            failures.Add(message);
        }
    }
}
