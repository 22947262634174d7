using System.CommandLine;

namespace OmniGraph.Cli.Infrastructure;

/// <summary>
/// The <c>[URI] NAME</c> positionals of a command that names one thing in a graph (<c>branch create|delete|merge</c>),
/// with <c>--uri</c>, <c>--store</c> and <c>--server URL --graph ID</c> as the other ways to give the graph. Built fresh
/// per command (a System.CommandLine symbol has one parent).
/// </summary>
internal sealed class GraphAndNameArguments
{
    private readonly Argument<string[]> _positionals;
    private readonly Option<string?> _uri = new("--uri") { Description = "The graph (instead of the positional URI)", HelpName = "URI" };

    /// <summary>The arguments of a command whose one required positional is <paramref name="name"/>.</summary>
    /// <param name="name">The positional's help name.</param>
    /// <param name="bindsPolicy">Whether the command writes and so takes <c>--policy FILE</c> for a local graph.</param>
    public GraphAndNameArguments(string name, bool bindsPolicy = false)
    {
        _positionals = new Argument<string[]>("ARGS") { Description = $"[URI] {name}", Arity = new ArgumentArity(1, 2) };
        Scope = new GraphScopeOptions(bindsPolicy);
    }

    /// <summary>Where the graph is (<c>--store</c>, <c>--server</c>, <c>--graph</c>, and <c>--policy</c> when it binds one).</summary>
    public GraphScopeOptions Scope { get; }

    /// <summary>Adds the positionals and options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(_positionals);
        command.Options.Add(_uri);
        Scope.AddTo(command);
    }

    /// <summary>Opens the graph (exactly one of the positional URI, <c>--uri</c>, <c>--store</c>, <c>--server</c>) and returns it with the name.</summary>
    /// <exception cref="OmniGraphException">Code <c>usage</c>: No graph, or the graph given twice.</exception>
    public async Task<(CliGraph Graph, string Name)> OpenAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var values = parseResult.GetValue(_positionals)!;
        var graph = await Scope.OpenAsync(parseResult, cancellationToken, ("URI", values.Length == 2 ? values[0] : null), ("--uri", parseResult.GetValue(_uri)));
        return (graph, values[^1]);
    }
}
