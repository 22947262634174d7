using System.Diagnostics;
using System.Text;

namespace OmniGraph.Testing.Azure;

/// <summary>Finds <c>node</c> and <c>npm</c> on PATH and runs npm; a missing tool is an error that says what to install.</summary>
internal static class NodeTools
{
    /// <summary>The path of an executable called <paramref name="name"/> on PATH.</summary>
    /// <exception cref="InvalidOperationException">It is not on PATH.</exception>
    public static string Find(string name)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, OperatingSystem.IsWindows() ? name + ".cmd" : name);
            if (File.Exists(candidate) || (OperatingSystem.IsWindows() && File.Exists(candidate = Path.Combine(directory, name + ".exe"))))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"`{name}` was not found on PATH. The Azure tests run Azurite (the Azure Storage emulator, from npm) and need Node.js 20 or later with npm installed.");
    }

    /// <summary>Runs npm with <paramref name="arguments"/> in <paramref name="workingDirectory"/>; throws with its output when it fails.</summary>
    public static async Task RunNpmAsync(string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo(Find("npm"))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start npm");
        var output = new StringBuilder();
        var stdout = PumpAsync(process.StandardOutput, output);
        var stderr = PumpAsync(process.StandardError, output);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`npm {string.Join(' ', arguments)}` in {workingDirectory} did not finish within {timeout}.");
        }

        await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`npm {string.Join(' ', arguments)}` in {workingDirectory} exited with {process.ExitCode} (the Azure tests need the npm registry to install Azurite once):\n{Tail(output)}");
        }
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder sink)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            lock (sink)
            {
                sink.AppendLine(line);
            }
        }
    }

    private static string Tail(StringBuilder output)
    {
        lock (output)
        {
            var text = output.ToString();
            return text.Length <= 4000 ? text : "..." + text[^4000..];
        }
    }
}
