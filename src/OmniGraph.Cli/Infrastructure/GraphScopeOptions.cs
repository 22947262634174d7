using System.CommandLine;

namespace OmniGraph.Cli.Infrastructure;

/// <summary>
/// The flags that say where a command's graph is (operations.md §1.1): <c>--store URI</c> (or a positional URI, where
/// the command has one) for a local graph, or <c>--server URL --graph ID</c> for a graph on a server (the bearer token
/// comes from <c>OMNIGRAPH_BEARER_TOKEN</c>). Exactly one place must be given.
/// </summary>
internal sealed class GraphScopeOptions
{
    /// <summary>The variable the served commands read their bearer token from.</summary>
    public const string TokenVariable = "OMNIGRAPH_BEARER_TOKEN";

    /// <summary>Creates the flags (a System.CommandLine symbol has one parent: one instance per command).</summary>
    /// <param name="bindsPolicy">Whether the command writes and so takes <c>--policy FILE</c> for a local graph (<see cref="PolicyBindingOption"/>).</param>
    public GraphScopeOptions(bool bindsPolicy = false)
    {
        Policy = bindsPolicy ? PolicyBindingOption.Create() : null;
        Store = CliOptions.Store();
        Server = new Option<string?>("--server") { Description = $"A server's URL (http:// or https://); the token comes from {TokenVariable}", HelpName = "URL" };
        Graph = new Option<string?>("--graph") { Description = "The graph on the server (with --server)", HelpName = "ID" };
    }

    /// <summary><c>--store</c>.</summary>
    public Option<string?> Store { get; }

    /// <summary><c>--server</c>.</summary>
    public Option<string?> Server { get; }

    /// <summary><c>--graph</c>.</summary>
    public Option<string?> Graph { get; }

    /// <summary><c>--policy</c>, on commands that write.</summary>
    public Option<string?>? Policy { get; }

    /// <summary>Adds the flags to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Store);
        command.Options.Add(Server);
        command.Options.Add(Graph);
        if (Policy is not null)
        {
            command.Options.Add(Policy);
        }
    }

    /// <summary>
    /// Opens the graph: on the server when <c>--server</c> is given, else the local graph named by <c>--store</c> or one
    /// of <paramref name="localCandidates"/> (a positional URI, <c>--uri</c>).
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>usage</c>: no place, two places, <c>--graph</c> without <c>--server</c> or the reverse.</exception>
    public async Task<CliGraph> OpenAsync(ParseResult parseResult, CancellationToken cancellationToken, params (string Flag, string? Value)[] localCandidates)
    {
        var server = parseResult.GetValue(Server);
        var graph = parseResult.GetValue(Graph);
        (string Flag, string? Value)[] local = [.. localCandidates, ("--store", parseResult.GetValue(Store))];
        if (server is null)
        {
            if (graph is not null)
            {
                throw CliErrors.Usage("--graph selects a graph on a server: give --server URL with it (a local graph is addressed with --store)");
            }

            var policy = Policy is null ? null : await PolicyBindingOption.ReadAsync(parseResult, Policy, cancellationToken).ConfigureAwait(false);
            return await CliGraph.OpenEmbeddedAsync(GraphTarget.Resolve(local), policy, cancellationToken).ConfigureAwait(false);
        }

        if (Policy is not null && parseResult.GetValue(Policy) is not null)
        {
            throw CliErrors.Usage("--policy binds a policy to a local graph: a server enforces the policy it was started with");
        }

        if (local.FirstOrDefault(static c => c.Value is not null) is { Value: not null } twice)
        {
            throw CliErrors.Usage($"the graph is given twice (--server and {twice.Flag}); give one");
        }

        if (!Uri.TryCreate(server, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw CliErrors.Usage($"--server needs an http:// or https:// URL, not '{ErrorText.Quote(server)}'");
        }

        if (string.IsNullOrEmpty(graph))
        {
            throw CliErrors.Usage("--server needs --graph ID: the server may serve several graphs (GET /graphs lists them)");
        }

        return CliGraph.OpenServed(address, graph, Environment.GetEnvironmentVariable(TokenVariable));
    }

    /// <summary>Fails with <c>usage</c> when an explicit actor is given for a served write (the server takes it from the token).</summary>
    public void RefuseActorWhenServed(ParseResult parseResult, string? actor)
    {
        if (parseResult.GetValue(Server) is not null && actor is not null)
        {
            throw CliErrors.Usage("--as cannot be used with --server: the server takes the actor from the bearer token");
        }
    }
}
