using System.CommandLine;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Security;

namespace OmniGraph.Cli.Commands;

/// <summary>What the <c>policy</c> commands share: the bundle argument and reading it.</summary>
internal static class PolicyFile
{
    /// <summary>The positional bundle file.</summary>
    public static Argument<string> Argument() => new("FILE") { Description = "The policy bundle (YAML)" };

    /// <summary>Reads and validates the bundle <paramref name="path"/> names.</summary>
    /// <exception cref="OmniGraphException">The bundle is refused (<c>policy_*</c>).</exception>
    /// <exception cref="OmniGraphException"><c>file_not_found</c>, <c>io_error</c> or <c>invalid_utf8</c>: the file cannot be read.</exception>
    public static async Task<PolicyBundle> ReadAsync(string path, CancellationToken cancellationToken) =>
        PolicyBundleReader.Parse(await CliTextFile.ReadAsync(path, "policy file", cancellationToken), path);

    /// <summary>An action name from the command line (<c>--action</c>): a usage error when unknown.</summary>
    public static PolicyAction ParseAction(string name) =>
        PolicyActions.TryParse(name, out var action)
            ? action
            : throw CliErrors.Usage($"--action '{name}' is not a policy action (expected one of {string.Join(", ", PolicyActions.All.Select(static a => a.Name()))})");

    /// <summary><c>allow</c> or <c>deny</c>.</summary>
    public static string Word(bool allowed) => allowed ? "allow" : "deny";
}
