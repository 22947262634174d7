using System.CommandLine;
using OmniGraph.Cli.Commands;
using OmniGraph.Security;

namespace OmniGraph.Cli.Infrastructure;

/// <summary>
/// <c>--policy FILE</c> on a command that writes a local graph: binds the graph bundle to the embedded engine for this
/// command, so its protected branches and rules hold (with <c>--as</c> as the actor) and the write is audited, as on a
/// server (docs/branches.md, "Protected branches and promotion").
/// </summary>
internal static class PolicyBindingOption
{
    /// <summary>A new <c>--policy</c> option (a System.CommandLine symbol has one parent).</summary>
    public static Option<string?> Create() =>
        new("--policy") { Description = "Enforce this graph policy bundle (protected branches, rules for --as) and audit the write", HelpName = "FILE" };

    /// <summary>The bundle <paramref name="option"/> names, read strictly, or <c>null</c> when it is not given.</summary>
    /// <exception cref="OmniGraphException">A <c>policy_*</c> code: the file is no valid graph bundle.</exception>
    public static async Task<PolicyBundle?> ReadAsync(ParseResult parseResult, Option<string?> option, CancellationToken cancellationToken)
    {
        if (parseResult.GetValue(option) is not { } file)
        {
            return null;
        }

        var bundle = await PolicyFile.ReadAsync(file, cancellationToken);
        return bundle.Kind == PolicyBundleKind.Graph
            ? bundle
            : throw CliErrors.Usage($"--policy {file} is a server bundle (it grants graph_list); a local graph takes a graph bundle");
    }
}
