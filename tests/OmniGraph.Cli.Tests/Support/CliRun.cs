using System.Text;
using System.Text.Json;
using OmniGraph.Cli.Infrastructure;

namespace OmniGraph.Cli.Tests.Support;

/// <summary>The outcome of one <c>omnigraph</c> invocation.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>Standard output parsed as JSON.</summary>
    public JsonElement Json() => JsonDocument.Parse(Out).RootElement.Clone();

    /// <summary>The property names of a JSON object, in document order.</summary>
    public static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(static p => p.Name)];

    /// <summary>The element as compact JSON (to compare values printed at different indentations).</summary>
    public static string Compact(JsonElement element) => JsonSerializer.Serialize(element);

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";
}

/// <summary>Runs the real CLI in this process (its public entry point) with captured output.</summary>
internal static class CliRun
{
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(interactive: false, args);

    /// <summary>Runs with standard error presented as an interactive terminal (progress bars) or not.</summary>
    public static async Task<CliResult> RunAsync(bool interactive, params string[] args)
    {
        using var output = new MemoryStream();
        using var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(output, error, isErrorInteractive: interactive);
        var exitCode = await OmniGraphCli.RunAsync(args, console);
        await console.FlushAsync();
        return new CliResult(exitCode, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    /// <summary>Runs and requires exit code 0.</summary>
    public static async Task<CliResult> OkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"omnigraph {string.Join(' ', args)}\n{result}");
        return result;
    }
}
