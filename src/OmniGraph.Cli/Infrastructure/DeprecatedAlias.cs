using System.CommandLine;

namespace OmniGraph.Cli.Infrastructure;

/// <summary>
/// An old name a command still answers to (operations.md keeps <c>read</c> and <c>change</c> working): the command
/// runs as usual, and a warning naming the current spelling goes to standard error.
/// </summary>
internal sealed class DeprecatedAlias
{
    private readonly string _name;
    private readonly string _replacement;

    /// <summary>Adds <paramref name="name"/> as an alias of <paramref name="command"/>.</summary>
    public DeprecatedAlias(Command command, string name)
    {
        _name = name;
        _replacement = command.Name;
        command.Aliases.Add(name);
    }

    /// <summary>Writes the deprecation warning when the command was invoked by the old name.</summary>
    public Task WarnIfUsedAsync(ParseResult parseResult, TextWriter error) =>
        string.Equals(parseResult.CommandResult.IdentifierToken.Value, _name, StringComparison.Ordinal)
            ? error.WriteLineAsync($"warning: `omnigraph {_name}` is deprecated; use `omnigraph {_replacement}`")
            : Task.CompletedTask;
}
