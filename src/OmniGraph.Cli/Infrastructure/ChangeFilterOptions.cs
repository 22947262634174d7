using System.CommandLine;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Infrastructure;

/// <summary>The filter flags of the change commands: <c>--kind node|edge</c>, <c>--type T</c>, <c>--op insert|update|delete</c>, each repeatable.</summary>
internal sealed class ChangeFilterOptions
{
    private readonly Option<string[]> _kinds = new("--kind") { Description = "Only changes of this entity kind: node or edge (repeatable)", HelpName = "KIND", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string[]> _types = new("--type") { Description = "Only changes of this type (repeatable)", HelpName = "T" };
    private readonly Option<string[]> _ops = new("--op") { Description = "Only this operation: insert, update or delete (repeatable)", HelpName = "OP" };

    /// <summary>Adds the flags to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_kinds);
        command.Options.Add(_types);
        command.Options.Add(_ops);
    }

    /// <summary>The filter the flags give.</summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_change_request</c>: An unknown kind or operation.</exception>
    public ChangeFilter Resolve(ParseResult parseResult) =>
        ChangeFilter.Parse(parseResult.GetValue(_kinds), parseResult.GetValue(_types), parseResult.GetValue(_ops));
}
