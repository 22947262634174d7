using OmniGraph.Storage;

namespace OmniGraph.Cli.Infrastructure;

/// <summary>
/// The graph a command addresses: as the user wrote it (<see cref="Uri"/>, echoed in output) and the store location it
/// names (<see cref="Location"/>): a local directory (a path or a <c>file://</c> URI) or a provider's location such as
/// <c>az://CONTAINER/PREFIX</c> (Azure Blob, account from <c>AZURE_STORAGE_CONNECTION_STRING</c>).
/// </summary>
/// <param name="Uri">The URI or path as given on the command line.</param>
/// <param name="Location">The absolute directory, or the provider's canonical location.</param>
/// <param name="IsLocal">Whether <paramref name="Location"/> is a local directory.</param>
public sealed record GraphTarget(string Uri, string Location, bool IsLocal = true)
{
    /// <summary>
    /// Resolves the graph from a positional URI, <c>--store</c> or <c>--uri</c>: exactly one of them must be given.
    /// </summary>
    /// <exception cref="OmniGraphException">None or several are given.</exception>
    /// <exception cref="InvalidObjectStoreUriException">The URI is not a local path or <c>file://</c> URI.</exception>
    public static GraphTarget Resolve(params (string Flag, string? Value)[] candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        (string Flag, string Value)? chosen = null;
        foreach (var (flag, value) in candidates)
        {
            if (value is null)
            {
                continue;
            }

            if (chosen is { } earlier)
            {
                throw CliErrors.Usage($"the graph is given twice ({earlier.Flag} and {flag}); give it once");
            }

            chosen = (flag, value);
        }

        if (chosen is not { } target)
        {
            var flags = string.Join(", ", candidates.Select(static c => c.Flag));
            throw CliErrors.Usage($"no graph given: pass one of {flags}");
        }

        return Parse(target.Value);
    }

    /// <summary>Parses a graph URI.</summary>
    /// <exception cref="InvalidObjectStoreUriException">The URI is a <c>memory://</c> store or not a location at all.</exception>
    public static GraphTarget Parse(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidObjectStoreUriException(
                uri,
                "a remote graph must be addressed with --server <url> — a positional (or --uri) http(s):// URL no longer dispatches to a server");
        }

        var parsed = ObjectStoreUri.Parse(uri);
        return parsed.Kind switch
        {
            ObjectStoreKind.LocalDirectory => new GraphTarget(uri, parsed.Address),
            ObjectStoreKind.Provider => new GraphTarget(uri, parsed.ToString(), IsLocal: false),
            _ => throw new InvalidObjectStoreUriException(uri, "a memory:// store lives inside one process; the CLI addresses a local directory (a path or file:///path) or az://CONTAINER/PREFIX"),
        };
    }
}
