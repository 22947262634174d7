using System.CommandLine;
using System.Globalization;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Tables.Storage;

namespace OmniGraph.Cli.Commands;

/// <summary><c>omnigraph version</c>: <c>omnigraph &lt;version&gt;</c> and <c>internal-schema &lt;n&gt;</c> (the storage format).</summary>
internal sealed class VersionCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["version"];

    public Command Build(CliRuntime runtime)
    {
        var command = new Command("version", "Print the version and the storage format version");
        runtime.SetAction(command, json: null, async (_, _) =>
        {
            await runtime.Console.Out.WriteLineAsync($"omnigraph {OmniGraphCli.Version}");
            await runtime.Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"internal-schema {StorageFormatVersion.Current}"));
            return CliExitCodes.Success;
        });
        return command;
    }
}
