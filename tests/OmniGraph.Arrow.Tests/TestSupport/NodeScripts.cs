using System.Diagnostics;
using System.Reflection;

namespace OmniGraph.Arrow.Tests.TestSupport;

/// <summary>
/// Runs the interop scripts in tests/OmniGraph.Arrow.Tests/interop with the node found on PATH. A missing node or
/// package is a test failure with a clear message, never a silent skip.
/// </summary>
internal static class NodeScripts
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    public static string InteropDirectory { get; } =
        typeof(NodeScripts).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ArrowInteropDirectory").Value!;

    /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/>; returns stdout, fails the test on a non-zero exit.</summary>
    public static string Run(string script, params string[] arguments)
    {
        var node = FindNode();
        if (!File.Exists(Path.Combine(InteropDirectory, "node_modules", "apache-arrow", "package.json")))
        {
            Assert.Fail($"The apache-arrow npm package is not installed in {InteropDirectory}. Building the test project runs `npm ci` there; run it by hand if the build could not.");
        }

        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = InteropDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(InteropDirectory, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {node}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"node {script} did not finish within {s_timeout.TotalSeconds} s.");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Assert.Fail($"node {script} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{stderr.Result}");
        }

        return stdout.Result;
    }

    private static string FindNode()
    {
        var names = OperatingSystem.IsWindows() ? new[] { "node.exe" } : ["node"];
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        Assert.Fail("Node.js (`node`) was not found on PATH. The Arrow interop tests compare against the official apache-arrow JavaScript library and need Node.js 18 or later installed.");
        return string.Empty;
    }
}
