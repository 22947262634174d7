using System.CommandLine;

namespace OmniGraph.Cli.Infrastructure;

/// <summary>
/// The <c>[URI] NAME</c> positionals of a command that names one thing in a graph (<c>commit show</c>, <c>branch
/// create|delete|merge</c>), with <c>--uri</c> and <c>--store</c> as the other ways to give the graph. Built fresh per
/// command (a System.CommandLine symbol has one parent).
/// </summary>
internal sealed class GraphAndNameArguments
{
    private readonly Argument<string[]> _positionals;
    private readonly Option<string?> _uri = new("--uri") { Description = "The graph (instead of the positional URI)", HelpName = "URI" };
    private readonly Option<string?> _store = CliOptions.Store();

    /// <summary>The arguments of a command whose one required positional is <paramref name="name"/>.</summary>
    public GraphAndNameArguments(string name) =>
        _positionals = new Argument<string[]>("ARGS") { Description = $"[URI] {name}", Arity = new ArgumentArity(1, 2) };

    /// <summary>Adds the positionals and options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(_positionals);
        command.Options.Add(_uri);
        command.Options.Add(_store);
    }

    /// <summary>The graph (exactly one of the positional URI, <c>--uri</c>, <c>--store</c>) and the name.</summary>
    /// <exception cref="OmniGraphException">Code <c>usage</c>: No graph, or the graph given twice.</exception>
    public (GraphTarget Target, string Name) Resolve(ParseResult parseResult)
    {
        var values = parseResult.GetValue(_positionals)!;
        var target = GraphTarget.Resolve(
            ("URI", values.Length == 2 ? values[0] : null),
            ("--uri", parseResult.GetValue(_uri)),
            ("--store", parseResult.GetValue(_store)));
        return (target, values[^1]);
    }
}
