using Microsoft.Extensions.Options;
using OmniGraph.Security;

namespace OmniGraph.Grains.Hosting;

/// <summary>
/// Validates <see cref="OmniGraphOptions"/> when the silo starts: the ranges declared on the options
/// (<see cref="OmniGraphOptionsRangeValidator"/>, generated), then the rules that need code (graph ids, store locations,
/// policy bundles, the vector-search settings); every failure is listed.
/// </summary>
public sealed class OmniGraphOptionsValidator : IValidateOptions<OmniGraphOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, OmniGraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The plain ranges are data annotations, checked by the generated validator; the rules below need code.
        var ranges = new OmniGraphOptionsRangeValidator().Validate(name, options);
        var failures = new List<string>(ranges.Failed ? ranges.Failures : []);
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

        if (options.RegistryLocation is { } registryLocation)
        {
            try
            {
                ObjectStoreUri.Parse(registryLocation);
            }
            catch (InvalidObjectStoreUriException exception)
            {
                failures.Add($"{nameof(OmniGraphOptions.RegistryLocation)}: {exception.Message}");
            }
        }

        if (options.VectorSearch is null)
        {
            failures.Add($"{nameof(OmniGraphOptions.VectorSearch)} must be set");
        }
        else
        {
            try
            {
                // One set of ranges: the search library's own check, the one NearestSearch applies.
                options.VectorSearch.Validate();
            }
            catch (OmniGraphException exception) when (exception.Code == ErrorCodes.SearchOptionsInvalid)
            {
                failures.Add($"{nameof(OmniGraphOptions.VectorSearch)}: {exception.Message}");
            }
        }

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
