using System.Text;
using OmniGraph.Cli;
using OmniGraph.Cli.Infrastructure;

namespace OmniGraph.Server.Tests.Support;

/// <summary>Runs <c>omnigraph</c> in this process with captured standard output and error.</summary>
internal static class InProcessCli
{
    /// <summary>The exit code, standard output and standard error of <c>omnigraph args…</c>.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var exitCode = await OmniGraphCli.RunAsync(args, new CliConsole(output, error, isErrorInteractive: false));
        return (exitCode, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }
}
