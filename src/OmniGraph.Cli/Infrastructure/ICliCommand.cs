using System.CommandLine;

namespace OmniGraph.Cli.Infrastructure;

/// <summary>
/// One <c>omnigraph</c> command. A command lives in its own file under <c>Commands/</c> and is registered with one line in
/// <see cref="CliCommandCatalog"/>; <see cref="Path"/> places it (<c>["load"]</c>, or <c>["commit", "list"]</c> under a
/// group the catalog creates).
/// </summary>
internal interface ICliCommand
{
    /// <summary>The command's words, e.g. <c>["commit", "show"]</c>.</summary>
    IReadOnlyList<string> Path { get; }

    /// <summary>Builds the command (named by the last word of <see cref="Path"/>) with its arguments, options and action.</summary>
    Command Build(CliRuntime runtime);
}
